"""Fill missing 简体中文 translations in the catalogue from a reviewed glossary.

Usage: python scripts/translate_zh.py  (after `make messages`). Entries already translated in
the .po are kept; the glossary only fills blanks. New UI strings go into GLOSSARY.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "ecotrack/locale/zh_Hans/LC_MESSAGES/django.po"

GLOSSARY: dict[str, str] = {
    "Accounts and roles": "账户与角色",
    "Editor": "编辑",
    "Reviewer": "审核人",
    "Administrator": "管理员",
    "user": "用户",
    "jurisdiction": "行政区",
    "role": "角色",
    "created": "创建",
    "membership": "成员资格",
    "memberships": "成员资格",
    "Audit trail": "审计记录",
    "changed": "修改",
    "deleted": "删除",
    "accessed": "访问",
    "unknown": "未知",
    "History": "修改历史",
    "Field": "字段",
    "Before": "修改前",
    "After": "修改后",
    "No changes recorded yet.": "尚无修改记录。",
    "Places": "行政区",
    "Country": "国家",
    "Province-level": "省级",
    "Prefecture-level": "地级",
    "County-level": "县级",
    "code": "代码",
    "GB/T 2260 code": "GB/T 2260 行政区划代码",
    "level": "级别",
    "name (Chinese)": "中文名称",
    "name (English)": "英文名称",
    "parent": "上级",
    "jurisdictions": "行政区",
    "about": "简介",
    "language of the about text": "简介语言",
    "population": "人口",
    "population year": "人口统计年份",
    "area (km²)": "面积（平方公里）",
    "centre latitude": "中心纬度",
    "centre longitude": "中心经度",
    "head of government": "政府首长",
    "country": "国家",
    "world region": "世界区域",
    "published": "已发布",
    "updated": "更新时间",
    "profile": "城市概况",
    "profiles": "城市概况",
    "Jurisdictions": "行政区",
    "Search by name or code": "按名称或代码搜索",
    "e.g. 通辽 or 150500": "例如：通辽 或 150500",
    "Search": "搜索",
    "No jurisdiction matches.": "没有匹配的行政区。",
    "Show the whole tree": "显示完整行政区树",
    "Jurisdiction tree": "行政区树",
    "Breadcrumb": "导航路径",
    "Code": "代码",
    "Level": "级别",
    "Part of": "隶属",
    "Profile overview": "城市概况",
    "Not published": "未发布",
    "Population": "人口",
    "Area": "面积",
    "Centre": "中心位置",
    "Head of government": "政府首长",
    "World region": "世界区域",
    "No published profile yet.": "尚无已发布的概况。",
    "Edit profile": "编辑概况",
    "Below this jurisdiction": "下级行政区",
    "Edit profile of %(name)s": "编辑%(name)s的概况",
    "Save": "保存",
    "Cancel": "取消",
    "Profile saved.": "概况已保存。",
    "ecotrack": "ecotrack 生态追踪",
    "Not allowed": "无权操作",
    "You do not have permission to do this. Nothing was changed.": "您没有执行此操作的权限，数据未作任何更改。",
    "Back to the home page": "返回首页",
    "Not found": "未找到",
    "There is no page at this address.": "此地址没有页面。",
    "Skip to content": "跳到正文",
    "Main": "主导航",
    "Home": "首页",
    "Language": "语言",
    "Switch": "切换",
    "Log out": "退出登录",
    "Log in": "登录",
    "ecotrack — open-source platform for nature commitments and eco-environmental plans.": "ecotrack——自然承诺与生态环境规划的开源平台。",
    "Nature commitments and eco-environmental plans, with numbers you can defend": "自然承诺与生态环境规划，用经得起检验的数据说话",
    "Cities and regions make nature commitments, set targets and track their eco-environmental plans here.": "城市和地区在这里作出自然承诺、设定目标，并跟踪生态环境规划的实施。",
    "Regions": "地区",
    "No jurisdictions loaded yet. Run “ecotrack demo”.": "尚未载入行政区。请运行“ecotrack demo”。",
    "Your roles": "您的角色",
    "Too many attempts": "尝试次数过多",
    "Too many failed log-in attempts": "登录失败次数过多",
    "This account is locked for 15 minutes from this address. Try again later or ask an administrator.": "该账户在此地址上已被锁定 15 分钟。请稍后再试，或联系管理员。",
    "Your username and password didn't match. Please try again.": "用户名或密码不正确，请重试。",
    "Username": "用户名",
    "Password": "密码",
    "Web": "网站",
}

PLURALS: dict[str, str] = {
    "%(counter)s result for “%(query)s”": "“%(query)s”的搜索结果：%(counter)s 个",
}


def main() -> int:
    po = polib.pofile(str(PO))
    missing = []
    for entry in po:
        if entry.msgid_plural:
            if not entry.msgstr_plural.get(0):
                if entry.msgid in PLURALS:
                    entry.msgstr_plural = {0: PLURALS[entry.msgid]}
                else:
                    missing.append(entry.msgid)
        elif not entry.msgstr:
            if entry.msgid in GLOSSARY:
                entry.msgstr = GLOSSARY[entry.msgid]
            else:
                missing.append(entry.msgid)
        if "fuzzy" in entry.flags and entry.msgid in GLOSSARY:
            entry.flags.remove("fuzzy")
            entry.msgstr = GLOSSARY[entry.msgid]
    po.save()
    for msgid in missing:
        print(f"untranslated: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
