"""Institution facts (org_*) from free text, for the 首都海智基地 programs."""
import pytest

from bot.understand.extract import extract

ROWS = [
    ("我们机构想申请首都海智工作基地，长期联系服务的海外科技人才有30人", None, {"org_overseas_talents_served": 30}),
    ("我想申请国际研发社区，场地1500平米", "org_overseas_talents_served", {"org_area_m2": 1500}),
    ("园区有健全的科协组织，服务场地6000平米，入驻企业80家，与12家知名海外机构合作，长期联系服务的海外科技人才350人，"
     "专项经费每年120万元，已吸引60名海外人才来京", None,
     {"org_park_cast": True, "org_area_m2": 6000, "org_enterprises": 80, "org_overseas_institutions": 12,
      "org_overseas_talents_served": 350, "org_annual_fund_cny": 1_200_000, "org_talents_attracted": 60}),
    ("我们在境外注册，具有独立法人资格，所在地长期合作伙伴有15个，与3家科协组织合作，每年推荐25名人才，能拿到使馆支持函", None,
     {"org_location": "overseas", "org_legal_person": True, "org_local_partners": 15, "org_beijing_partners": 3,
      "org_talents_recommended_per_year": 25, "org_embassy_letter": True}),
    ("没有独立法人资格", None, {"org_legal_person": False}),
    ("依托机构在境内设立", None, {"org_location": "domestic"}),
    ("入驻新型研发机构12家，与2家国际科技组织建立合作", None, {"org_rd_institutions": 12, "org_intl_org_partners": 2}),
    ("三十", "org_overseas_talents_served", {"org_overseas_talents_served": 30}),
    ("We are registered in Beijing, a legal entity, serving 120 overseas scientists, 2500 square meters", None,
     {"org_location": "domestic", "org_legal_person": True, "org_overseas_talents_served": 120, "org_area_m2": 2500}),
]


@pytest.mark.parametrize("text,asking,want", ROWS, ids=[f"org{i}" for i in range(len(ROWS))])
def test_org_facts(text, asking, want):
    got = extract(text, asking=asking).facts
    for k, v in want.items():
        assert got.get(k) == v, (k, got)


def test_a_person_sentence_yields_no_org_facts():
    got = extract("我今年38岁，在斯坦福做了四年研究员，年薪80万").facts
    assert not [k for k in got if k.startswith("org_")]
