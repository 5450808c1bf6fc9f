// The domain model of a guideline suggestion (指南建议): the information form (附件1 信息表)
// and the explanatory report (说明报告). Values hold what the unit wrote; whether it
// satisfies the call is the rules' business, so a half-filled form is representable.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zhinan/money.hpp"

namespace zhinan {

// Fields a reader did not know, kept for the round trip: name and its JSON text.
using UnknownFields = std::vector<std::pair<std::string, std::string>>;

// A number as the unit wrote it, a JSON number or a decimal string, kept as its literal
// so that nothing is lost to binary floating point ("300.5", "1200", or "三百" if wrong).
struct DecimalText {
  std::string literal;
  bool quoted = false;  // written as a JSON string
  // The amount it is: a JSON number by JSON's grammar, text as a plain decimal (no "1e3").
  std::optional<Money> money(Money::Problem* why = nullptr) const {
    return quoted ? Money::parse_text(literal, why) : Money::parse(literal, why);
  }
  friend bool operator==(const DecimalText&, const DecimalText&) = default;
};

// 技术成熟度等级: a level number on the call's scale (附件2, 1–13 in 2025). Any integer
// can be held, so that an out-of-range level can be reported rather than lost.
struct TrlLevel {
  int value = 0;
  friend auto operator<=>(const TrlLevel&, const TrlLevel&) = default;
};

// 证据: what shows a key technology has reached its current level.
struct Evidence {
  std::string kind;  // one of the level's evidence kinds, e.g. 测试报告
  std::string title;
  std::string reference;  // a paper, a report number, a link
  UnknownFields unknown;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// 技术成熟度: the self-assessed current level and the level expected at completion.
struct TrlAssessment {
  std::optional<TrlLevel> current;
  std::optional<TrlLevel> expected;
  std::vector<Evidence> evidence;  // for the current level
  friend bool operator==(const TrlAssessment&, const TrlAssessment&) = default;
};

// 关键科学问题/关键技术.
struct KeyTechnology {
  std::string name;
  std::string description;
  TrlAssessment trl;
  std::string expected_indicators;  // 预期指标, against domestic and foreign peers
  UnknownFields unknown;
  friend bool operator==(const KeyTechnology&, const KeyTechnology&) = default;
};

// 项目类型. bring_in (“引进来”) takes exactly one sub-type; the flags may combine.
struct ProjectType {
  bool bring_in = false;
  std::vector<std::string> bring_in_subtypes;  // codes, or the text as written
  bool go_global = false;
  bool platform = false;     // 依托国际创新合作平台
  bool major_event = false;  // 重大活动签约
  UnknownFields unknown;
  friend bool operator==(const ProjectType&, const ProjectType&) = default;
};

// 项目实施投入计划, in 万元.
struct Funding {
  std::optional<DecimalText> total;       // 项目计划总投入
  std::optional<DecimalText> provincial;  // 省财政资金支持强度建议
  UnknownFields unknown;
  friend bool operator==(const Funding&, const Funding&) = default;
};

// 项目指南建议来源.
struct Source {
  std::string unit;      // 建议单位
  std::string proposer;  // 建议人
  std::string position;  // 职称/职务
  std::string phone;     // 联系电话, as written
  UnknownFields unknown;
  friend bool operator==(const Source&, const Source&) = default;
};

// 外方合作单位.
struct Partner {
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2; HK, MO, TW for 港澳台
  UnknownFields unknown;
  friend bool operator==(const Partner&, const Partner&) = default;
};

// 指标: one structured indicator (技术指标, 绩效目标, 验收考核指标, 绩效参考指标).
struct Indicator {
  std::string category;  // technical, product, ip, economic, social, talent, platform
  std::string text;
  std::optional<DecimalText> target;  // the numeric target that makes it checkable
  std::string unit;
  std::string domestic;       // the domestic figure it is compared with
  std::string international;  // the international figure
  UnknownFields unknown;
  friend bool operator==(const Indicator&, const Indicator&) = default;
};

// 项目交示件: a deliverable and how it will be verified (可检验、可评测、可考核).
struct Deliverable {
  std::string name;
  std::string verification;
  UnknownFields unknown;
  friend bool operator==(const Deliverable&, const Deliverable&) = default;
};

// 五、指南建议: the draft guideline text the unit proposes.
struct Guideline {
  std::string research_content;
  std::vector<Indicator> acceptance_indicators;   // 验收考核指标
  std::vector<Indicator> performance_indicators;  // 绩效参考指标
  std::string eligibility;                        // 申报条件
  std::string support_intensity;                  // 支持强度
  std::string readiness;                          // 技术成熟度
  std::string deliverables;                       // 项目交示件
  std::string scope;                              // 张榜范围
  UnknownFields unknown;
  friend bool operator==(const Guideline&, const Guideline&) = default;
};

// 说明报告, one field per heading of the reference outline.
struct Report {
  std::string background;         // 背景意义
  std::string status_quo;         // 发展现状
  std::string gaps;               // 主要差距
  std::string significance;       // 实施意义
  std::string necessity;          // 开展国际科技合作的必要性
  std::string cooperation_basis;  // 合作基础
  std::string research_content;   // 主要研究内容
  std::vector<Indicator> technical_indicators;  // 技术指标
  std::vector<Indicator> performance_targets;   // 绩效目标
  std::string funding_plan;                     // 资金投入
  std::string expected_outcomes;                // 预期成效
  std::vector<Deliverable> deliverables;        // 项目交示件
  std::optional<Guideline> guideline;           // 指南建议
  UnknownFields unknown;
  friend bool operator==(const Report&, const Report&) = default;
};

// 指南建议: one suggestion as a unit submits it.
struct Suggestion {
  std::string title;                  // 项目名称
  std::vector<std::string> industry;  // 产业领域: codes ticked (one expected)
  std::string industry_other;         // the text after 其他
  std::vector<std::string> region;    // 合作国别、地区: codes ticked (one expected)
  ProjectType project_type;
  std::string overview;  // 项目概述
  std::vector<KeyTechnology> key_technologies;
  Funding funding;
  Source source;
  std::string department;  // 主管部门 that recommends it
  std::vector<Partner> partners;
  std::optional<Report> report;
  std::string report_document;  // the unit's own report file, instead of `report`
  std::string document;         // a ready file to package as the 电子版
  UnknownFields unknown;
  friend bool operator==(const Suggestion&, const Suggestion&) = default;
};

}  // namespace zhinan
