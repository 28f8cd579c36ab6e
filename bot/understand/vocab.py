"""Vocabulary of places, universities, companies and sectors, loaded from the data files in vocab/
and joined into regular-expression alternations.
"""
from __future__ import annotations

import re

from .text import en_words

ABROAD_ZH = ("海外|国外|境外|外国|出国|留学|美国|英国|德国|法国|日本|加拿大|澳大利亚|澳洲|新加坡|瑞士|荷兰|瑞典|韩国|欧洲|北美"
             "|硅谷|意大利|西班牙|以色列|比利时|丹麦|挪威|芬兰|奥地利|新西兰|爱尔兰|俄罗斯|香港|澳门|波士顿|纽约|加州|伦敦|巴黎"
             "|柏林|慕尼黑|东京|多伦多|温哥华|西雅图|旧金山|湾区|芝加哥|洛杉矶|费城|匹兹堡|剑桥|牛津|苏黎世")


ABROAD_EN = en_words(r"abroad|overseas|outside (?:of )?(?:mainland )?china|foreign|silicon valley|bay area"
                r"|(?:in|at|from|to|of) (?:the )?(?:us|usa|u\.s\.|united states|states|america|uk|u\.k\.|united kingdom"
                r"|britain|england|scotland|germany|france|japan|canada|australia|singapore|switzerland|netherlands"
                r"|sweden|korea|europe|italy|spain|israel|belgium|denmark|norway|finland|austria|new zealand|ireland"
                r"|hong kong|boston|new york|california|london|paris|berlin|munich|tokyo|toronto|vancouver|seattle"
                r"|san francisco|chicago|los angeles|philadelphia|pittsburgh|cambridge|oxford|zurich)")


FOREIGN_UNIV_ZH = ("斯坦福|哈佛|麻省理工|加州理工|普林斯顿|耶鲁|哥伦比亚大学|芝加哥大学|宾夕法尼亚大学|宾大|康奈尔|伯克利|加州大学"
                   "|卡内基梅隆|卡耐基梅隆|约翰霍普金斯|约翰斯霍普金斯|密歇根大学|密西根大学|剑桥大学|牛津大学|剑桥|牛津|帝国理工"
                   "|伦敦大学学院|苏黎世联邦理工|洛桑联邦理工|慕尼黑工业大学|慕尼黑大学|海德堡大学|马普所|马克斯普朗克|东京大学"
                   "|京都大学|大阪大学|新加坡国立大学|南洋理工|多伦多大学|麦吉尔|不列颠哥伦比亚大学|墨尔本大学|悉尼大学"
                   "|澳洲国立大学|华盛顿大学|杜克大学|纽约大学|威斯康星|伊利诺伊|佐治亚理工|德州大学|得克萨斯大学|普渡|南加州大学"
                   "|布朗大学|莱斯大学|范德堡|埃默里|明尼苏达大学|哥廷根|亚琛工业大学|巴黎综合理工|索邦|巴黎高师|爱丁堡大学"
                   "|曼彻斯特大学|伦敦国王学院|伦敦政治经济学院|首尔大学|香港大学|港大|香港科技大学|港科大|香港中文大学|港中文")


FOREIGN_UNIV_EN = en_words(r"stanford|harvard|mit|caltech|princeton|yale|columbia|university of chicago|uchicago|upenn"
                      r"|university of pennsylvania|cornell|berkeley|ucla|ucsd|uc san diego|carnegie mellon|cmu"
                      r"|johns hopkins|university of michigan|umich|cambridge|oxford|imperial college|ucl"
                      r"|university college london|eth zurich|eth|epfl|tu munich|technical university of munich"
                      r"|heidelberg|max planck|university of tokyo|kyoto university|osaka university|nus"
                      r"|national university of singapore|nanyang|university of toronto|mcgill|ubc"
                      r"|university of british columbia|university of melbourne|university of sydney"
                      r"|university of washington|duke|nyu|new york university|northwestern university"
                      r"|university of wisconsin|uiuc|university of illinois|georgia tech|ut austin|university of texas"
                      r"|purdue|usc|brown university|rice university|vanderbilt|emory|university of minnesota"
                      r"|rwth aachen|ecole polytechnique|sorbonne|university of edinburgh|edinburgh|university of manchester"
                      r"|king's college london|lse|london school of economics|seoul national university|kaist|hku"
                      r"|university of hong kong|hkust|cuhk|ivy league")


FOREIGN_CO_ZH = ("谷歌|微软|苹果|亚马逊|脸书|英特尔|英伟达|高通|思科|甲骨文|三星|西门子|辉瑞|强生|默克|诺华|罗氏|拜耳|巴斯夫|高盛"
                 "|摩根士丹利|摩根大通|摩根|花旗|瑞银|瑞信|德意志银行|汇丰|巴克莱|贝莱德|桥水|黑石|贝尔实验室|特斯拉|波音|通用电气"
                 "|IBM|ibm|索尼|丰田|松下|博世|大众汽车|奔驰|宝马|空客|杜邦|陶氏|埃克森|壳牌|阿斯利康|葛兰素|赛诺菲|安进|基因泰克"
                 "|德勤|麦肯锡|波士顿咨询|普华永道|安永|毕马威|联合国|世界银行|国际货币基金|英伟达|阿斯麦|飞利浦|爱立信|诺基亚")


FOREIGN_CO_EN = en_words(r"google|microsoft|apple|amazon|meta|facebook|ibm|intel|nvidia|qualcomm|cisco|oracle|samsung"
                    r"|siemens|pfizer|johnson & johnson|merck|novartis|roche|bayer|basf|goldman sachs|goldman"
                    r"|morgan stanley|jp ?morgan|j\.p\. morgan|citigroup|citibank|citi|ubs|credit suisse|deutsche bank"
                    r"|hsbc|barclays|blackrock|bridgewater|blackstone|bell labs|tesla|boeing|general electric|sony"
                    r"|toyota|panasonic|bosch|volkswagen|mercedes|bmw|airbus|dupont|exxon|astrazeneca|gsk"
                    r"|glaxosmithkline|sanofi|amgen|genentech|deloitte|mckinsey|bcg|boston consulting|pwc|kpmg|openai"
                    r"|deepmind|netflix|uber|linkedin|adobe|salesforce|hewlett|dell|amd|asml|philips|ericsson|nokia"
                    r"|sap|accenture|fidelity|vanguard|citadel|two sigma|world bank|imf|united nations")


CHINA_UNIV_ZH = ("清华|北大|北京大学|复旦|浙大|浙江大学|上海交大|上海交通大学|中科大|中国科学技术大学|南京大学|中国科学院|中科院"
                 "|国科大|人民大学|武汉大学|中山大学|哈工大|哈尔滨工业大学|西安交大|西安交通大学|同济|北航|北京航空航天|北理工"
                 "|北京理工|华中科技|四川大学|山东大学|厦门大学|南开|天津大学|东南大学|北师大|北京师范大学|中国农业大学|协和"
                 "|北京邮电|北邮|电子科技大学|国防科大|大连理工|吉林大学|兰州大学|重庆大学|湖南大学|中南大学|华南理工|西北工业"
                 "|北京交通大学|北京科技大学|中央财经|对外经贸|北京外国语")


CHINA_UNIV_EN = en_words(r"tsinghua|peking university|pku|fudan|zhejiang university|zju|sjtu|shanghai jiao ?tong|ustc"
                    r"|university of science and technology of china|nanjing university|chinese academy of sciences"
                    r"|ucas|renmin university|wuhan university|sun yat-sen|harbin institute of technology"
                    r"|xi'an jiaotong|xjtu|tongji|beihang|beijing institute of technology|huazhong|sichuan university"
                    r"|shandong university|xiamen university|nankai|tianjin university|southeast university"
                    r"|beijing normal university|chinese university of|a chinese university")


BEIJING_UNIV = re.compile(r"清华|北大|北京大学|人民大学|北航|北京航空航天|北理工|北京理工|北师大|北京师范|中国农业大学|北京协和"
                          r"|北京邮电|北邮|北京交通大学|北京科技大学|中央财经|对外经贸|北京外国语|国科大"
                          + "|" + en_words(r"tsinghua|peking university|pku|renmin university|beihang|beijing"))


CITY_OTHER_ZH = ("上海|天津|重庆|广州|深圳|杭州|南京|苏州|武汉|成都|西安|合肥|长沙|厦门|青岛|大连|沈阳|济南|郑州|福州|昆明|哈尔滨"
                 "|长春|宁波|无锡|珠海|东莞|佛山|南昌|贵阳|南宁|石家庄|太原|兰州|海口|三亚|广东|江苏|浙江|山东|四川|湖北|湖南"
                 "|河南|河北|福建|安徽|江西|广西|云南|贵州|陕西|山西|辽宁|吉林|黑龙江|内蒙古|宁夏|青海|甘肃|海南|外地|其他省份"
                 "|其他省市|其他城市|其他地区|其它地区|别的城市|别的地方")


CITY_OTHER_EN = en_words(r"shanghai|tianjin|chongqing|guangzhou|shenzhen|hangzhou|nanjing|suzhou|wuhan|chengdu|xi'an|xian"
                    r"|hefei|changsha|xiamen|qingdao|dalian|shenyang|jinan|zhengzhou|fuzhou|kunming|harbin|ningbo"
                    r"|guangdong|jiangsu|zhejiang|shandong|sichuan|another city|another province|other province"
                    r"|elsewhere|outside beijing|somewhere else")


CHINA_ZH = "国内|回国|归国|在中国|中国境内|大陆|内地|来京|在京|进京|北京|新疆|西藏|" + CITY_OTHER_ZH


CHINA_EN = en_words(r"in china|to china|back in china|back to china|moved back|came back|returned to china|returned home"
               r"|mainland|in beijing|to beijing|in xinjiang|in tibet|" + CITY_OTHER_EN[len("(?<![a-z])(?:"):-len(")(?![a-z])")])


FINANCE_WORDS = ("金融机构|金融业|金融行业|投行|投资银行|对冲基金|资产管理|资管|私募|银行|证券|基金|保险|交易所|华尔街|"
                 "高盛|摩根|花旗|瑞银|瑞信|汇丰|巴克莱|贝莱德|桥水|黑石|" + en_words(
                     r"goldman|morgan stanley|jp ?morgan|citi|citigroup|ubs|credit suisse|deutsche bank|hsbc|barclays"
                     r"|blackrock|bridgewater|blackstone|fidelity|vanguard|citadel|two sigma|investment bank(?:ing)?"
                     r"|hedge fund|asset management|private equity|banks?|banking|securities|brokerage|insurance"
                     r"|financial institution|financial firm|wall street|federal reserve|stock exchange|funds?"))


WORK_ZH = "工作|任职|就职|任教|执教|做|干|待|呆|当|担任|上班|供职|从事|留在|留校|研究员|教授|博士后|科学家|工程师|总监|高管|经理"


WORK_EN = en_words(r"work|works|worked|working|employed|job|position|as an?|postdoc|post-doc|professor|researcher|scientist"
              r"|engineer|director|manager|spent|been|served|serving|teach|teaching|taught|faculty|staff|lecturer")


NATION_ADJ = (r"american|british|english|german|french|canadian|australian|japanese|singaporean|swiss|dutch|swedish"
               r"|korean|italian|spanish|israeli|belgian|danish|norwegian|finnish|austrian|irish|indian|russian"
               r"|brazilian|new zealander|mexican|portuguese|polish|czech|greek|turkish|malaysian|thai|vietnamese"
               r"|filipino|indonesian|pakistani|egyptian|south african|nigerian|argentinian|chilean|ukrainian|hungarian")


COUNTRY_ZH = (r"美|英|德|法|日|加|澳|新|韩|意|俄|印|美国|英国|德国|法国|日本|加拿大|澳大利亚|澳洲|新加坡|瑞士|荷兰|瑞典|韩国|意大利"
               r"|西班牙|以色列|比利时|丹麦|挪威|芬兰|奥地利|新西兰|爱尔兰|俄罗斯|印度|巴西|马来西亚|泰国|外国|外")
