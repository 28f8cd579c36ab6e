"""Every sentence the assistant says, in Chinese and English."""
from __future__ import annotations

TEXTS = {
    "welcome": {
        "zh": "您好！我是人才政策助手，可以：\n"
              "• 回答政策问题并引用原文条款（直接提问即可，如“青年项目年龄要求”）；\n"
              "• 评估您是否符合千人计划、海聚工程、北京外国专家政策、首都海智基地等项目（发送 /check 或直接说“我想申请青年项目，我34岁……”）。\n"
              "发送 /help 查看全部命令。",
        "en": "Hello! I'm the talent-policy assistant. I can:\n"
              "• answer questions about the rules, quoting the exact clause (just ask, e.g. \"age limit for the youth project\");\n"
              "• check whether you qualify for the Thousand Talents Plan, the Haiju Program, Beijing's foreign-expert benefits or the Haizhi bases (send /check, or say \"I want to apply for the youth project, I'm 34…\").\n"
              "Send /help for all commands.",
    },
    "help": {
        "zh": "命令：\n/check 开始或继续资格评估\n/search 问题 检索条款\n/article 文件 条款 查看原文（如 /article qianren-2017 第八条）\n"
              "/profile 查看已记录的信息（说“把年龄改成39”即可修改）\n/why 为什么问这个问题\n/reset 清空信息重新开始\n"
              "/forget 删除关于您的全部记录\n/lang zh|en 切换语言\n也可以随时直接提问。",
        "en": "Commands:\n/check start or resume the eligibility interview\n/search <question> find the clause\n"
              "/article <doc> <article> show a clause (e.g. /article qianren-2017 第八条)\n"
              "/profile review what I know (say \"change my age to 39\" to edit)\n/why why I'm asking this\n"
              "/reset start over\n/forget delete everything stored about you\n/lang zh|en switch language\n"
              "You can also just ask a question at any time.",
    },
    "empty": {"zh": "请输入您的问题或回答。", "en": "Please type a question or an answer."},
    "internal_error": {"zh": "抱歉，处理这条消息时出错了，您的信息没有丢失。请换个说法再试一次。",
                       "en": "Sorry, something went wrong with that message; nothing you told me was lost. Please try again."},
    "noted": {"zh": "好的，已记录：{items}。", "en": "Noted: {items}."},
    "corrected": {"zh": "已更正：{items}。", "en": "Corrected: {items}."},
    "refused": {"zh": "“{label}”为 {value} 不在合理范围内（{why}），已保留原来的信息。",
                "en": "{label} = {value} isn't plausible ({why}); I kept what I had."},
    "declined": {"zh": "好的，{label}先跳过。", "en": "OK, I'll skip {label}."},
    "not_understood": {"zh": "抱歉，没能理解您的回答。", "en": "Sorry, I didn't understand that answer."},
    "skip_after_tries": {"zh": "这个问题先跳过。", "en": "Let's skip that one for now."},
    "back_to_question": {"zh": "回到刚才的问题：", "en": "Back to my question:"},
    "why_prefix": {"zh": "{program}要求{cond}（{cite}）。", "en": "The {program} requires: {cond} ({cite})."},
    "why_none": {"zh": "现在没有待回答的问题。发送 /check 开始评估。", "en": "I'm not asking anything right now. Send /check to start."},
    "why_full": {"zh": "我问“{label}”，是因为它决定以下条件：", "en": "I ask about {label} because it decides:"},
    "no_hit": {"zh": "没有找到相关条款，请换个说法，或发送 /help。", "en": "I found no clause for that; try other words, or send /help."},
    "focus": {"zh": "评估项目：{names}。", "en": "Programs checked: {names}."},
    "verdict_head": {"zh": "评估结果：", "en": "Result:"},
    "all_decided": {"zh": "以上项目的结论都已确定。", "en": "All programs above are decided."},
    "details_hint": {"zh": "发送“详细”查看逐条依据，/profile 查看或修改信息。",
                     "en": "Say \"details\" for the full trace, /profile to review or edit your facts."},
    "reset": {"zh": "已清空您的信息，可以重新开始（发送 /check）。", "en": "Cleared. Send /check to start again."},
    "forgotten": {"zh": "已删除关于您的全部记录。", "en": "Everything stored about you has been deleted."},
    "lang_set": {"zh": "已切换为中文。", "en": "Switched to English."},
    "lang_usage": {"zh": "用法：/lang zh 或 /lang en", "en": "Usage: /lang zh or /lang en"},
    "profile_empty": {"zh": "我还没有记录任何信息。发送 /check 开始评估。", "en": "I don't know anything about you yet. Send /check to start."},
    "profile_head": {"zh": "已记录的信息：", "en": "What I know:"},
    "undo_none": {"zh": "没有可以撤销的修改。", "en": "There is nothing to undo."},
    "undone": {"zh": "已撤销上一轮记录的信息：{items}。", "en": "Taken back from the last turn: {items}."},
    "edit_usage": {"zh": "用法：/edit 字段 新值，例如 /edit age 39；只写 /edit 字段 则重新问这一项（字段名见 policybot schema）。",
                   "en": "Usage: /edit FACT VALUE, e.g. /edit age 39; /edit FACT alone asks it again (fact names: policybot schema)."},
    "edit_unread": {"zh": "没能把“{value}”读成{label}，请换个说法。", "en": "I could not read \"{value}\" as {label}; try other words."},
    "focus_dropped": {"zh": "好的，不再考虑这{n}个项目，也不再问相关问题。", "en": "OK: {n} programs set aside, and no more questions about them."},
    "next_steps_head": {"zh": "下一步：", "en": "Next steps:"},
    "profile_said": {"zh": "  ↳ {how}：“{said}”", "en": "  ↳ {how}: \"{said}\""},
    "how_stated": {"zh": "您说", "en": "you said"},
    "how_derived": {"zh": "由此推算", "en": "worked out from"},
    "how_assumed": {"zh": "由此估计（可修改）", "en": "assumed from (you can change it)"},
    "profile_edit": {"zh": "要修改，直接说“把年龄改成39”之类，或用 /edit 字段（如 /edit age）。",
                     "en": "To change something, say e.g. \"change my age to 39\", or use /edit FACT (e.g. /edit age)."},
    "how_to_apply": {"zh": "申报渠道和程序（{names}）：", "en": "Where and how to apply ({names}):"},
    "splits": {"zh": "这一项决定{n}个项目：", "en": "This decides {n} programs:"},
    "sources_silent": {"zh": "现有文件没有规定{what}。最接近的条文如下（供参考，并非对这个问题的回答）：",
                       "en": "The sources do not say {what}. The nearest clause is below (related, not an answer to that):"},
    "no_such_article": {"zh": "现有文件中没有{label}。可以发送 /article 文件 条号 查看某一条，例如 /article qianren-2017 第八条。",
                        "en": "None of the sources has an article {label}. To read one, send /article DOC ARTICLE, e.g. /article qianren-2017 第八条."},
    "sources_silent_short": {"zh": "现有文件没有规定{what}。", "en": "The sources do not say {what}."},
    "original": {"zh": "原文：", "en": "Original (Chinese):"},
    "edit_now": {"zh": "现在记录的{label}：{value}。", "en": "{label} is now recorded as {value}."},
    "search_usage": {"zh": "用法：/search 问题，例如 /search 青年项目年龄", "en": "Usage: /search <question>, e.g. /search youth project age limit"},
    "article_usage": {"zh": "用法：/article 文件 条款，例如 /article qianren-2017 第八条。文件：{docs}",
                      "en": "Usage: /article <doc> <article>, e.g. /article qianren-2017 第八条. Documents: {docs}"},
    "article_unknown": {"zh": "没有找到 {doc} {article}。", "en": "No {article} in {doc}."},
    "unknown_command": {"zh": "不认识的命令 {cmd}。发送 /help 查看命令。", "en": "Unknown command {cmd}. Send /help."},
    "search_tip": {"zh": "（想评估自己是否符合条件，请发送 /check。）", "en": "(To check your own eligibility, send /check.)"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
}



def t(lang: str, key: str, **kw) -> str:
    text = TEXTS[key]["en" if lang == "en" else "zh"]
    return text.format(**kw) if kw else text
