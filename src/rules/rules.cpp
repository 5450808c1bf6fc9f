// The rule registry (every rule in one table a reader can scan) and the engine.
#include "zhinan/rules.hpp"

#include <algorithm>
#include <array>

#include "model/json_text.hpp"
#include "rules/rule_context.hpp"

namespace zhinan {
namespace {

using S = Severity;

// Longer than any list of the profile's choices or countries a message names.
constexpr std::size_t kQuotedCharacters = 1000;

// Order: the 信息表 from top to bottom, then the 说明报告 outline, then consistency.
constexpr std::array kRules = {
    RuleInfo{"format.json_invalid", S::error, "文件", "不是有效的 JSON：{detail}", "not valid JSON: {detail}"},
    RuleInfo{"format.utf8_invalid", S::error, "文件", "文件不是 UTF-8 编码", "the file is not UTF-8"},
    RuleInfo{"format.version_unsupported", S::error, "format", "不支持的格式版本", "unsupported format version"},
    RuleInfo{"format.wrong_type", S::error, "字段", "字段类型不对", "a field has the wrong type"},
    RuleInfo{"format.unknown_field", S::warning, "字段", "不认识的字段，已原样保留", "unknown field, kept"},
    RuleInfo{"format.nul_character", S::error, "字段", "文本中含有空字符（\\u0000），已删除",
             "the text contains a NUL character (\\u0000); it was removed"},
    RuleInfo{"format.control_character", S::warning, "字段", "文本中含有不可见的控制字符{code_point}，Word 和表格中无法显示",
             "the text holds the invisible control character {code_point}, which Word and the summary table cannot show"},
    RuleInfo{"format.duplicate_key", S::error, "字段", "字段“{key}”在同一对象中重复出现，以第一个为准",
             "the key \"{key}\" appears twice in one object; the first one stands"},
    RuleInfo{"format.too_large", S::error, "文件", "文件有{size}字节，超过指南建议文件的上限{limit}字节，未读取",
             "the file has {size} bytes, over the limit of {limit} bytes for a suggestion; it was not read"},

    RuleInfo{"title.missing", S::error, "项目名称", "未填写项目名称", "项目名称 (project title) is empty"},

    RuleInfo{"industry.missing", S::error, "产业领域", "未选择产业领域，请在以下领域中选择一个：{allowed}",
             "no 产业领域 (industry field) is ticked; tick one of: {allowed_codes}"},
    RuleInfo{"industry.unknown", S::error, "产业领域", "产业领域“{value}”不是通知所列的领域，应为以下之一：{allowed}",
             "industry \"{value}\" is not a field of the call; use one of: {allowed_codes}"},
    RuleInfo{"industry.multiple", S::error, "产业领域", "产业领域只能选择一个，现选了{count}个：{value}",
             "only one industry may be ticked; {count} are: {value}"},
    RuleInfo{"industry.other_text_missing", S::error, "产业领域", "产业领域选了“其他”，请在“其他：____”处写明具体领域",
             "industry \"other\" is ticked; name the field in industry_other"},

    RuleInfo{"region.missing", S::error, "合作国别、地区", "未选择合作国别、地区，请在以下之中选择一个：{allowed}",
             "no 合作国别、地区 (cooperation region) is ticked; tick one of: {allowed_codes}"},
    RuleInfo{"region.unknown", S::error, "合作国别、地区", "合作国别、地区“{value}”不是通知所列的类别，应为以下之一：{allowed}",
             "region \"{value}\" is not a region of the call; use one of: {allowed_codes}"},
    RuleInfo{"region.multiple", S::error, "合作国别、地区", "合作国别、地区只能选择一个，现选了{count}个：{value}",
             "only one region may be ticked; {count} are: {value}"},

    RuleInfo{"type.none", S::error, "项目类型", "项目类型未勾选“引进来”或“走出去”，至少勾选一项",
             "project type: tick bring_in (引进来) or go_global (走出去), at least one"},
    RuleInfo{"type.bring_in_subtype_missing", S::error, "项目类型",
             "勾选了“引进来”，请在其后的括号内选择一种类型：{allowed}",
             "bring_in (引进来) is ticked; tick one of its sub-types: {allowed_codes}"},
    RuleInfo{"type.bring_in_subtype_multiple", S::error, "项目类型", "“引进来”的类型只能选择一种，现选了{count}种：{value}",
             "bring_in takes exactly one sub-type; {count} are ticked: {value}"},
    RuleInfo{"type.subtype_without_bring_in", S::error, "项目类型", "选择了“引进来”的类型（{value}），但没有勾选“引进来”",
             "a bring_in sub-type ({value}) is ticked but bring_in is not"},
    RuleInfo{"type.subtype_unknown", S::error, "项目类型", "“{value}”不是“引进来”的类型，应为以下之一：{allowed}",
             "\"{value}\" is not a bring_in sub-type; use one of: {allowed_codes}"},

    RuleInfo{"overview.missing", S::error, "项目概述",
             "未填写项目概述（简要说明项目实施的必要性、主要合作内容、拟解决关键问题、预期成效目标）",
             "项目概述 (overview) is empty"},
    RuleInfo{"overview.too_long", S::error, "项目概述",
             "项目概述超过{limit}字（现{count}字，按 Word“字数统计”的字数计），请删减到{limit}字以内",
             "项目概述 (overview) has {count} 字, over the limit of {limit} (counted as Word's word count); shorten it"},

    RuleInfo{"key_tech.missing", S::error, "关键科学问题及技术清单", "未列出关键科学问题或关键技术，至少填写一项",
             "no key scientific problem or technology is listed"},
    RuleInfo{"key_tech.too_many", S::error, "关键科学问题及技术清单",
             "关键科学问题或技术清单原则上不超过{limit}项，现有{count}项，{advice}",
             "at most {limit} key technologies in principle; {count} are listed; {advice_en}"},
    RuleInfo{"key_tech.name_missing", S::error, "关键科学问题及技术清单", "第{index}项关键技术未填写名称",
             "key technology {index} has no name"},
    RuleInfo{"key_tech.name_duplicate", S::error, "关键科学问题及技术清单",
             "第{index}项关键技术与第{other}项同名（“{name}”），请合并或改名",
             "key technology {index} has the same name as key technology {other} (\"{name}\")"},
    RuleInfo{"key_tech.trl_missing", S::error, "技术成熟度等级", "第{index}项关键技术未填写{which}",
             "key technology {index}: the {which_en} level is missing"},
    RuleInfo{"key_tech.trl_out_of_range", S::error, "技术成熟度等级",
             "第{index}项关键技术的{which}为{value}，应为{lowest}–{highest}级之间的整数（见附件2）",
             "key technology {index}: the {which_en} level is {value}; levels run from {lowest} to {highest} (annex 2)"},
    RuleInfo{"key_tech.trl_regress", S::error, "技术成熟度等级",
             "第{index}项关键技术的实施预期等级（{expected}级）低于当前自评等级（{current}级）",
             "key technology {index}: the expected level {expected} is below the current level {current}"},
    RuleInfo{"key_tech.trl_flat", S::warning, "技术成熟度等级",
             "第{index}项关键技术的实施预期等级与当前自评等级相同（均为{current}级），项目实施后成熟度没有提升",
             "key technology {index}: the expected level equals the current level ({current}); readiness would not rise"},
    RuleInfo{"key_tech.evidence_missing", S::warning, "技术成熟度等级",
             "第{index}项关键技术未提供达到当前等级（{current}级{level_name}）的证据，可提供：{evidence_kinds}",
             "key technology {index} gives no evidence for its current level {current}; annex 2 accepts: {evidence_kinds}"},

    RuleInfo{"funding.total_missing", S::error, "项目计划总投入", "未填写项目计划总投入（万元）",
             "项目计划总投入 (planned total investment, 10k yuan) is missing"},
    // {reason}: not a positive amount (单位为万元，如 1200 或 1200.5), or 金额超出可表示的范围 and why.
    RuleInfo{"funding.total_invalid", S::error, "项目计划总投入", "项目计划总投入“{value}”{reason}",
             "planned total investment \"{value}\" {reason_en}"},
    RuleInfo{"funding.provincial_missing", S::error, "省财政资金支持强度建议", "未填写省财政资金支持强度建议（万元）",
             "省财政资金支持强度建议 (suggested provincial funding, 10k yuan) is missing"},
    RuleInfo{"funding.provincial_invalid", S::error, "省财政资金支持强度建议", "省财政资金支持强度建议“{value}”{reason}",
             "suggested provincial funding \"{value}\" {reason_en}"},
    RuleInfo{"funding.provincial_exceeds_total", S::error, "省财政资金支持强度建议",
             "省财政资金支持强度建议（{provincial}万元）超过了项目计划总投入（{total}万元）",
             "suggested provincial funding ({provincial}) exceeds the planned total investment ({total})"},
    RuleInfo{"funding.precision", S::warning, "项目实施投入计划",
             "{field}“{value}”的小数超过{limit}位（单位为万元，{limit}位小数已精确到百元）",
             "{field_en} \"{value}\" has more than {limit} decimals of 10k yuan"},

    RuleInfo{"source.unit_missing", S::error, "建议单位", "未填写建议单位", "建议单位 (proposing unit) is missing"},
    RuleInfo{"source.proposer_missing", S::error, "建议人", "未填写建议人", "建议人 (proposer) is missing"},
    RuleInfo{"source.position_missing", S::error, "职称/职务", "未填写建议人的职称/职务",
             "职称/职务 (the proposer's title or position) is missing"},
    RuleInfo{"source.phone_missing", S::error, "联系电话", "未填写联系电话", "联系电话 (contact phone) is missing"},
    RuleInfo{"source.phone_invalid", S::error, "联系电话",
             "联系电话“{value}”不是有效的手机号码或固定电话（手机为11位；固定电话要带区号，如 0535-6913071）",
             "phone \"{value}\" is not a valid Chinese mobile or landline number (landlines need the area code)"},
    RuleInfo{"department.missing", S::error, "主管部门", "未填写主管部门（推荐本建议的市科技局或省直部门）",
             "主管部门 (the recommending department) is missing"},

    RuleInfo{"report.missing", S::error, "说明报告", "缺少说明报告：请按附件1参考提纲填写，或提供说明报告文件",
             "the 说明报告 (explanatory report) is missing: fill in the outline of annex 1 or give the report file"},
    RuleInfo{"report.document_unchecked", S::info, "说明报告",
             "说明报告以文件“{file}”提供，本工具无法检查其内容（章节、指标、交示件），请人工核对",
             "the report is the file \"{file}\"; its contents (sections, indicators, deliverables) cannot be checked here"},
    RuleInfo{"report.section_missing", S::warning, "说明报告", "说明报告的“{section}”部分未填写",
             "the report's section \"{section_en}\" is empty"},
    RuleInfo{"report.indicator_not_quantified", S::error, "考核指标",
             "{list}第{index}项指标“{text}”没有量化的目标值：技术和产品指标应精准且可量化、可考核",
             "{list_en} item {index} (\"{text}\") has no numeric target; technical and product indicators must be quantified"},
    RuleInfo{"report.ip_indicator_missing", S::error, "考核指标",
             "未提出知识产权指标（通知三（二）：考核指标应提出知识产权、经济和社会效益指标）",
             "no intellectual-property indicator (the call, 3(2), requires IP, economic and social indicators)"},
    RuleInfo{"report.economic_indicator_missing", S::error, "考核指标",
             "未提出经济效益指标（通知三（二）：考核指标应提出知识产权、经济和社会效益指标）",
             "no economic indicator (the call, 3(2), requires IP, economic and social indicators)"},
    RuleInfo{"report.social_indicator_missing", S::error, "考核指标",
             "未提出社会效益指标（通知三（二）：考核指标应提出知识产权、经济和社会效益指标）",
             "no social indicator (the call, 3(2), requires IP, economic and social indicators)"},
    RuleInfo{"report.deliverables_missing", S::warning, "项目交示件", "说明报告未列出项目交示件",
             "the report lists no deliverables (交示件)"},
    RuleInfo{"report.deliverable_unverifiable", S::warning, "项目交示件",
             "交示件“{name}”未说明如何检验、评测或考核（通知要求交示件可检验、可评测、可考核）",
             "deliverable \"{name}\" does not say how it will be verified"},

    RuleInfo{"partners.incomplete", S::warning, "外方合作单位", "第{index}个外方合作单位未填写{fields}",
             "foreign partner {index} has no {fields_en}"},
    RuleInfo{"region.industry_outside_focus", S::warning, "产业领域",
             "产业领域“{industry}”不在“{region}”的重点领域（{focus}）之内",
             "industry \"{industry}\" is not among the focus fields of \"{region}\" ({focus_codes})"},
    RuleInfo{"region.partner_mismatch", S::warning, "合作国别、地区",
             "外方合作单位所在的国家或地区（{countries}）都不属于“{region}”",
             "no partner's country or region ({countries}) belongs to \"{region}\""},
    RuleInfo{"region.multilateral_single_partner", S::warning, "合作国别、地区",
             "多边科技合作项目的外方合作方应来自至少{limit}个国家或地区，现有{count}个",
             "a multilateral project needs partners from at least {limit} countries or regions; there {count|is|are} "
             "{count}"},
    RuleInfo{"region.leaders_not_bring_in", S::warning, "项目类型",
             "与创新领先国家的合作项目应为“引进来”项目（通知二（二）），但未勾选“引进来”",
             "projects with innovation leaders are bring_in projects (the call, 2(2)); bring_in is not ticked"},

    // 三(三), across suggestions (dedup.cpp).
    RuleInfo{"batch.proposer_multiple", S::error, "建议人",
             "建议人“{proposer}”已在“{other_file}”中提出指南建议《{other_title}》，同一建议人最多提出一项指南建议（通知三（三））",
             "proposer \"{proposer}\" already proposed \"{other_title}\" in {other_file}; one proposer may make at most "
             "one suggestion (the call, 3(3))"},
    RuleInfo{"batch.duplicate", S::error, "项目名称",
             "与“{other_file}”中的《{other_title}》是同一指南建议（{reason}），同一指南建议不得以不同建议人、建议单位、"
             "主管部门重复提报（通知三（三））",
             "the same suggestion as \"{other_title}\" in {other_file} ({reason_en}); a suggestion must not be submitted "
             "again under another proposer, unit or department (the call, 3(3))"},
    RuleInfo{"batch.similar", S::warning, "项目内容",
             "与“{other_file}”中的《{other_title}》内容高度相似（相似度{score}），请核实是否重复提报",
             "the content is very similar to \"{other_title}\" in {other_file} (similarity {score}); check that it is "
             "not submitted twice"},
    RuleInfo{"history.similar_funded", S::warning, "项目内容",
             "与已立项项目《{funded_title}》（{funded_year}年，编号{funded_id}，{funded_unit}）内容相似（相似度{score}）；"
             "已立项支持过的相同或相似研发内容不得作为指南建议提报（通知三（三））",
             "similar to the funded project \"{funded_title}\" ({funded_year}, {funded_id}, {funded_unit}; similarity "
             "{score}); work already funded must not be suggested again (the call, 3(3))"},
    RuleInfo{"registry.line_invalid", S::error, "已立项项目清单", "已立项项目清单第{line}行无法读取：{reason}",
             "line {line} of the funded-project registry cannot be read: {reason_en}"},
    RuleInfo{"registry.index_invalid", S::error, "已立项项目清单", "已立项项目索引无法使用：{reason}",
             "the registry index cannot be used: {reason_en}"},

    // Reading a unit's own Word form (import/).
    RuleInfo{"import.format_unsupported", S::error, "文件",
             "{format}文件不能直接读取：请用 Word 或 WPS 打开，选择“另存为”→“Word 文档（*.docx）”后再提交",
             "a {format_en} file cannot be read: open it in Word or WPS and save it as a Word document (.docx)"},
    RuleInfo{"import.not_docx", S::error, "文件",
             "不是 Word 文档（.docx）：{what}。请用 Word 或 WPS 打开附件1并另存为 .docx",
             "not a Word document (.docx): {what_en}; open the form in Word or WPS and save it as .docx"},
    RuleInfo{"import.form_not_found", S::error, "信息表",
             "文档中没有找到指南建议信息表（按“产业领域”“项目名称”“建议单位”等栏目查找），请使用附件1的表格填写",
             "no 信息表 was found in the document (looked for its row labels 产业领域, 项目名称, 建议单位, …); fill in "
             "the form of annex 1"},
    RuleInfo{"import.limits_exceeded", S::error, "文件", "文档超出读取限制，未读取：{limit}",
             "the document exceeds a reading limit and was not read: {limit_en}"},
    RuleInfo{"import.choice_unclear", S::warning, "选项",
             "无法确定所选内容：“{value}”；请只勾选一项（☑），或写明所选内容",
             "cannot tell what is chosen in \"{value}\"; tick one box (☑) or write the choice"},
    RuleInfo{"import.placeholder", S::warning, "字段", "该栏仍是模板的示例内容“{value}”，按未填写处理",
             "the field still holds the template's placeholder \"{value}\"; it is read as empty"},
    RuleInfo{"import.unit_converted", S::warning, "金额", "金额“{value}”是以元填写的，已换算为{amount}万元，请核对",
             "the amount \"{value}\" is in 元; it was converted to {amount} 万元, check it"},
    RuleInfo{"import.embedded_differs", S::warning, "字段",
             "表格中的内容与文档内嵌的数据不一致：表格为“{visible}”，内嵌数据为“{embedded}”；以表格（评审看到的内容）为准",
             "what the form shows differs from the data embedded in the file: \"{visible}\" shown, \"{embedded}\" "
             "embedded; the visible form is used"},

    // 四, the package (package.cpp).
    RuleInfo{"package.refused", S::error, "打包",
             "有{files}个指南建议共{errors}个错误，未生成压缩包；请先改正上面列出的错误",
             "{errors} {errors|error|errors} in {files} {files|suggestion|suggestions}; no package was written: "
             "fix them first"},
    RuleInfo{"package.empty", S::error, "打包", "没有要打包的指南建议", "there are no suggestions to package"},
    RuleInfo{"package.document_missing", S::error, "电子版", "找不到指南建议电子版文件“{document}”（{path}）",
             "the suggestion's document \"{document}\" cannot be found ({path})"},
    RuleInfo{"package.document_outside", S::error, "电子版",
             "电子版文件“{document}”（{path}）不在该指南建议所在的文件夹或允许的文件夹内，不予打包",
             "the document \"{document}\" ({path}) lies outside the suggestion's folder and the allowed folders; "
             "it is not packaged"},
    RuleInfo{"package.document_empty", S::error, "电子版", "电子版文件“{document}”是空文件（{path}）",
             "the document \"{document}\" is empty ({path})"},
    RuleInfo{"package.name_changed", S::warning, "文件名", "文件名已按各系统的要求调整", "the file name was adjusted"},
    RuleInfo{"package.write_failed", S::error, "打包", "无法写入“{target}”：{reason}；目标位置没有留下不完整的文件",
             "cannot write \"{target}\": {reason_en}; nothing half-written was left there"},
    RuleInfo{"package.cancelled", S::warning, "打包", "已取消打包，没有写入任何文件", "packaging was cancelled; nothing was written"},

    // The province's audit of received packages (audit/).
    RuleInfo{"audit.unreadable", S::error, "压缩包", "无法读取压缩包：{reason}（请确认是 .zip、.7z 或 .rar 文件且未损坏）",
             "the package cannot be read: {reason_en} (is it an undamaged .zip, .7z or .rar?)"},
    RuleInfo{"audit.too_large", S::error, "压缩包", "压缩包超出审核限制，已停止读取该包：{limit}",
             "the package exceeds an audit limit and was not read further: {limit_en}"},
    RuleInfo{"audit.entry_unsafe", S::error, "压缩包", "不安全的条目“{entry}”（{reason}），未读取",
             "unsafe entry \"{entry}\" ({reason_en}); not read"},
    RuleInfo{"audit.entry_encrypted", S::error, "压缩包", "条目“{entry}”已加密，无法读取；请报送未加密的压缩包",
             "entry \"{entry}\" is encrypted and cannot be read; send an unencrypted package"},
    RuleInfo{"audit.name_legacy_encoding", S::info, "文件名",
             "压缩包中的文件名不是 UTF-8 编码，已按 GB18030（Windows 中文版）读取",
             "the package's names are not UTF-8; they were read as GB18030 (Chinese Windows)"},
    RuleInfo{"audit.wrapper_folder", S::info, "文件夹", "各合作国别、地区文件夹外多套了一层文件夹“{folder}”，已按其内容审核",
             "the region folders are wrapped in one folder \"{folder}\"; its content was audited"},
    RuleInfo{"audit.folder_alias", S::warning, "文件夹", "文件夹“{folder}”应命名为“{label}”（通知四（二））",
             "folder \"{folder}\" should be named \"{label}\" (the call, 4(2))"},
    RuleInfo{"audit.folder_unknown", S::error, "文件夹",
             "文件夹“{folder}”不是通知规定的合作国别、地区，最接近的是“{label}”；文件夹应为：{allowed}",
             "folder \"{folder}\" is no region of the call; the nearest is \"{label}\"; folders must be: {allowed}"},
    RuleInfo{"audit.file_outside_folder", S::error, "文件夹", "文件“{entry}”不在任何合作国别、地区文件夹中",
             "file \"{entry}\" is not inside any region folder"},
    RuleInfo{"audit.file_misnamed", S::error, "文件名", "文件名“{name}”不符合“序号.项目名称-建议单位”的格式（例如“1.项目名称-建议单位.docx”）",
             "file name \"{name}\" is not of the form 序号.项目名称-建议单位 (e.g. 1.title-unit.docx)"},
    RuleInfo{"audit.numbering", S::error, "序号", "文件夹“{folder}”中的序号应为1至{count}连续编号，现为：{numbers}",
             "numbers in folder \"{folder}\" must run from 1 to {count}; they are: {numbers}"},
    RuleInfo{"audit.number_duplicate", S::error, "序号", "序号{number}在“{folder}”中用了{count}次",
             "number {number} is used {count} times in \"{folder}\""},
    RuleInfo{"audit.empty", S::error, "压缩包", "压缩包中没有任何指南建议文件", "the package holds no suggestion file"},
    RuleInfo{"audit.region_mismatch", S::error, "合作国别、地区",
             "文件放在“{folder}”文件夹中，但表中勾选的合作国别、地区是“{region}”",
             "the file stands in folder \"{folder}\" but its form ticks region \"{region}\""},
    RuleInfo{"audit.name_mismatch", S::warning, "文件名", "文件名中的{which}“{in_name}”与文件内容“{in_data}”不一致",
             "the {which_en} in the file name, \"{in_name}\", differs from the document's \"{in_data}\""},
    RuleInfo{"audit.data_unread", S::info, "电子版", "未能读取文件内容（{reason}），仅按文件名审核",
             "the document's data could not be read ({reason_en}); checked by its name only"},
    RuleInfo{"audit.summary_mismatch", S::error, "汇总表", "汇总表“{table}”与压缩包中的文件不一致：{detail}",
             "summary table \"{table}\" disagrees with the package's files: {detail_en}"},
    RuleInfo{"audit.summary_absent", S::info, "汇总表", "压缩包内外都没有找到汇总表（附件3），未核对",
             "no summary table (annex 3) was found in or beside the package; not cross-checked"},
    RuleInfo{"audit.cancelled", S::warning, "审核", "已取消审核", "the audit was cancelled"},
};

}  // namespace

std::string_view to_string(Mode mode) { return mode == Mode::draft ? "draft" : "submit"; }

std::optional<Mode> parse_mode(std::string_view name) {
  if (name == "draft") return Mode::draft;
  if (name == "submit") return Mode::submit;
  return std::nullopt;
}

std::span<const RuleInfo> rule_registry() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  auto it = std::find_if(kRules.begin(), kRules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

Severity effective_severity(const RuleInfo& rule, const Profile& profile, Mode mode) {
  Severity s = profile.severity_override(rule.id).value_or(rule.severity);
  if (mode == Mode::draft && s == Severity::error && rule.id.ends_with("missing")) s = Severity::warning;
  return s;
}

Diagnostics validate(const Suggestion& suggestion, const Profile& profile, Mode mode) {
  detail::RuleContext ctx(profile, mode, detail::FindingCap::kPerId);
  detail::check_form(suggestion, ctx);
  detail::check_key_technologies(suggestion, ctx);
  detail::check_funding_and_source(suggestion, ctx);
  detail::check_report(suggestion, ctx);
  detail::check_region_consistency(suggestion, ctx);
  return ctx.take();
}

namespace detail {

std::string render(std::string_view text, const Params& params) {
  std::string out;
  while (!text.empty()) {
    const auto open = text.find('{');
    const auto close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out += text.substr(0, open);
    const std::string_view name = text.substr(open + 1, close - open - 1);
    // {count|file|files}: the English noun for the count, singular for 1.
    const auto bar = name.find('|'), second = bar == std::string_view::npos ? bar : name.find('|', bar + 1);
    const std::string_view key = name.substr(0, bar);
    auto it = std::find_if(params.begin(), params.end(), [&](const auto& p) { return p.first == key; });
    if (it == params.end()) out += text.substr(open, close - open + 1);
    else if (second == std::string_view::npos) out += it->second;
    else out += it->second == "1" ? name.substr(bar + 1, second - bar - 1) : name.substr(second + 1);
    text.remove_prefix(close + 1);
  }
  out += text;
  return out;
}

void RuleContext::report(std::string_view id, std::string path, Params params, std::optional<Severity> at_most) {
  const RuleInfo* rule = find_rule(id);
  if (!rule) throw std::logic_error("unregistered rule " + std::string(id));
  if (!cap_.admits(rule->id)) return;
  // A value from the input is quoted as abbreviated() shows it: a megabyte title or 10^5
  // ticked boxes in a few hundred characters, an escape sequence as text, not obeyed.
  for (auto& param : params) param.second = abbreviated(param.second, kQuotedCharacters);
  Diagnostic d;
  d.id = std::string(rule->id);
  d.severity = effective_severity(*rule, profile_, mode_);
  if (at_most && d.severity < *at_most) d.severity = *at_most;  // error < warning < info
  d.path = std::move(path);
  d.message_zh = render(rule->template_zh, params);
  d.message_en = render(rule->template_en, params);
  d.params = std::move(params);
  cap_.add(diagnostics_, std::move(d));
}

Diagnostics RuleContext::take() {
  cap_.finish(diagnostics_);
  return std::move(diagnostics_);
}

}  // namespace detail
}  // namespace zhinan
