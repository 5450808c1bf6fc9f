// Near-duplicate search at the province's scale: a registry of 100,000 funded projects of
// ~1000 characters and 10,000 new suggestions, 2,000 of them planted near-copies of
// registry items and 500 near-copies of other suggestions, at true Jaccard 0.45–0.99.
//
//   bench_dedup [REGISTRY] [SUGGESTIONS]        (defaults 100000 10000)
//
// The texts come from a deterministic generator: sentence templates of proposal prose
// filled with real technical words of eleven fields, so that unrelated texts share common
// words and phrases as a real corpus does (the background similarity is printed). The
// registry is generated already folded — the generator knows its own punctuation and Latin
// letters, and a sample is checked against fold_for_comparison — while every suggestion is
// written with Traditional characters, full-width digits and spacing here and there and
// folded by fold_for_comparison, timed. Exact all-pairs comparison is timed on a sample of
// queries against the whole registry and scaled.
//
// The dedup work timed against the 30 s target (issue 14): the registry's shingle sets and
// index, the suggestions' shingle sets, every suggestion against the registry and the
// batch among itself, on every core. Exits 1 when a target is missed: that work ≤ 30 s
// wall; index ≥ 100× faster than exact all-pairs; recall ≥ 0.98 at Jaccard ≥ 0.8 over the
// planted pairs; every reported pair confirmed exactly (no false match); peak memory
// (VmHWM) ≤ 1 GB; the saved index ≤ 120 MB (10⁶ bytes) and loaded in ≤ 2 s with the same
// results.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include "base/utf8.hpp"
#include "zhinan/fold.hpp"
#include "zhinan/near_duplicates.hpp"

namespace {

using zhinan::NearDuplicateIndex;
using zhinan::ShingleSet;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

// fn(i) for i in [0, count) on every core; each i writes only its own slot.
template <class F>
void on_every_core(std::size_t count, F fn) {
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i; (i = next++) < count;) fn(i);
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < cores(); ++t) pool.emplace_back(work);
  work();
}

// --- the vocabulary: eleven fields of the call, and the words every proposal uses

const std::vector<std::vector<const char*>> kFields = {
    {"氢能", "燃料电池", "质子交换膜", "电解水制氢", "储氢材料", "光伏组件", "钙钛矿电池", "风电机组", "储能系统", "锂离子电池",
     "固态电解质", "钠离子电池", "热管理", "电池回收", "智能电网", "微电网", "充电设施", "碳捕集", "生物质能", "地热能", "海上风电", "逆变器", "功率器件", "氢气储运"},
    {"碳纤维", "复合材料", "高温合金", "钛合金", "石墨烯", "纳米材料", "陶瓷基复合材料", "稀土永磁", "高分子材料", "特种橡胶", "涂层技术", "增材制造",
     "粉末冶金", "超导材料", "可降解材料", "光学薄膜", "半导体材料", "碳化硅", "氮化镓", "聚酰亚胺", "气凝胶", "形状记忆合金", "防腐涂料", "轻量化结构"},
    {"单克隆抗体", "疫苗", "基因治疗", "细胞治疗", "干细胞", "创新药物", "靶向药物", "中药现代化", "医疗器械", "体外诊断", "生物标志物", "药物递送",
     "临床试验", "蛋白质组学", "基因测序", "精准医疗", "抗肿瘤药物", "抗病毒药物", "医学影像", "康复辅具", "合成生物学", "酶工程", "发酵工艺", "生物反应器"},
    {"种质资源", "分子育种", "盐碱地改良", "节水灌溉", "智慧农业", "病虫害防控", "农产品加工", "冷链物流", "畜禽养殖", "饲料添加剂", "土壤修复", "有机肥料",
     "设施农业", "农业机械", "小麦品种", "玉米品种", "花生育种", "大蒜加工", "苹果栽培", "水产养殖", "食品安全", "农药残留检测", "生物农药", "耐盐作物"},
    {"海洋装备", "深海探测", "海水淡化", "海洋生物资源", "海洋观测", "水下机器人", "海洋防腐", "船舶制造", "港口自动化", "海洋药物", "海藻加工", "海洋渔业",
     "海洋环境监测", "海底管道", "海洋能", "极地科考", "声呐系统", "海上平台", "海洋牧场", "赤潮预警", "海岸带保护", "远洋运输", "海洋碳汇", "海洋大数据"},
    {"人工智能", "机器学习", "深度学习", "大语言模型", "计算机视觉", "自然语言处理", "知识图谱", "工业互联网", "边缘计算", "云计算", "区块链", "数字孪生",
     "物联网", "移动通信", "卫星导航", "网络安全", "数据中心", "智能传感器", "集成电路", "芯片设计", "操作系统", "工业软件", "服务机器人", "自动驾驶"},
    {"数控机床", "工业机器人", "航空发动机", "高速列车", "轨道交通", "精密减速器", "伺服电机", "智能制造", "激光加工", "焊接工艺", "液压系统", "工程机械",
     "农机装备", "无人机", "精密仪器", "检测装备", "高端轴承", "齿轮传动", "智能工厂", "柔性产线", "故障诊断", "预测性维护", "振动控制", "精密测量"},
    {"污水处理", "大气污染治理", "固体废物资源化", "土壤污染修复", "挥发性有机物", "脱硫脱硝", "膜分离技术", "生态修复", "碳达峰", "碳中和", "节能减排", "环境监测",
     "危险废物处置", "垃圾焚烧", "重金属污染", "水资源保护", "流域治理", "清洁生产", "循环经济", "绿色建筑", "温室气体", "生物降解", "污泥处置", "噪声控制"},
    {"精细化工", "催化剂", "石油炼制", "煤化工", "催化材料", "分子筛", "反应器设计", "过程强化", "聚合工艺", "化工安全", "绿色溶剂", "离子液体",
     "氯碱工业", "新型化肥", "表面活性剂", "电子化学品", "高纯试剂", "连续流工艺", "萃取分离", "结晶工艺", "精馏技术", "危化品储运", "微反应器", "尾气处理"},
    {"健康养老", "智慧医疗", "远程诊疗", "慢病管理", "营养健康", "功能食品", "保健食品", "食品检测", "益生菌", "中医药", "康复医学", "老年护理",
     "可穿戴设备", "健康监测", "医用材料", "食品包装", "食品保鲜", "乳制品", "酿造工艺", "海洋功能食品", "预制菜", "食品添加剂", "膳食纤维", "生物活性肽"},
    {"智能交通", "新能源汽车", "动力电池", "车联网", "桥梁工程", "隧道工程", "装配式建筑", "建筑节能", "道路材料", "交通安全", "物流系统", "港口机械",
     "轨道车辆", "换电技术", "氢燃料汽车", "城市更新", "智慧城市", "地下管网", "结构健康监测", "防灾减灾", "抗震设计", "绿色施工", "建筑信息模型", "高性能混凝土"}};

const std::vector<const char*> kGeneral = {
    "关键技术", "核心技术", "共性技术", "制备工艺", "评价方法", "技术体系", "研发平台", "实验装置", "控制系统", "理论模型", "技术标准", "示范线",
    "中试基地", "成套装备", "工艺路线", "检测方法", "数据库", "仿真软件", "设计方法", "质量控制", "应用示范", "集成技术", "优化策略", "运行机制"};
const std::vector<const char*> kQualities = {"高效", "低成本", "新型", "智能", "绿色", "高性能", "大规模", "长寿命", "高精度", "多功能",
                                             "柔性", "一体化", "模块化", "自主可控", "低能耗", "高可靠", "高通量", "快速", "安全", "精细化"};
const std::vector<const char*> kIndicators = {"转化效率", "生产成本", "使用寿命", "测量精度", "产能", "单位能耗", "排放浓度", "良品率", "纯度", "抗拉强度",
                                              "断裂韧性", "耐腐蚀性", "响应时间", "检测灵敏度", "国产化率", "市场占有率", "循环次数", "能量密度", "识别准确率", "稳定运行时间"};
const std::vector<const char*> kVerbs = {"突破", "攻克", "研发", "研制", "构建", "建立", "开发", "优化", "集成", "验证", "提升", "完善",
                                         "形成", "掌握", "揭示", "阐明", "探索", "设计", "制备", "评价", "改进", "推广", "打造", "创建"};
const std::vector<const char*> kCountries = {"德国", "法国", "英国", "意大利", "俄罗斯", "白俄罗斯", "哈萨克斯坦", "乌兹别克斯坦", "巴基斯坦", "印度尼西亚",
                                             "马来西亚", "新加坡", "泰国", "越南", "日本", "韩国", "以色列", "沙特阿拉伯", "阿联酋", "埃及",
                                             "南非", "巴西", "阿根廷", "澳大利亚", "新西兰", "加拿大", "荷兰", "瑞典", "芬兰", "匈牙利"};
const std::vector<const char*> kInstitutions = {"大学", "理工大学", "科学院", "国家实验室", "研究中心", "技术研究所", "工程院", "医学院", "农业大学", "海洋研究所"};
const std::vector<const char*> kCities = {"济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽"};
const std::vector<const char*> kLatin = {"AI", "5G", "PEM", "GMP", "CRISPR", "LiDAR", "IoT", "BIM", "MOF", "SiC", "GaN", "PLC", "GIS", "mRNA", "PLA", "LNG"};

// Slots: {F} a word of the text's field, {O} of any field, {G} general, {Q} quality,
// {I} indicator, {V} verb, {C} country, {U} institution, {S} city, {L} Latin term,
// {N} 1–99, {M} 100–9999, {Y} a year.
const std::vector<const char*> kTitles = {
    "{F}{G}研究及产业化", "基于{L}的{Q}{F}{G}研发", "中国—{C}{F}联合研发与示范应用", "{Q}{F}关键技术合作研究", "面向{O}的{F}{G}开发", "{F}与{F}协同创新及应用"};
const std::vector<const char*> kSentences = {
    "针对{F}领域{G}薄弱的问题，本项目拟与{C}{U}合作开展{F}研究。",
    "项目将{V}{F}与{O}的{G}，使{I}提高{N}%以上。",
    "{C}{U}在{F}方面具有国际领先的研究基础，双方已合作{N}年。",
    "通过引进{C}先进的{F}技术，结合{S}的产业优势，{V}一批具有自主知识产权的{G}。",
    "重点研究{F}的{G}，{V}{Q}{F}工艺，形成{F}成套技术。",
    "预期申请发明专利{N}项，发表高水平论文{N}篇，制定{G}{N}项。",
    "建成{F}示范线{N}条，年产能达到{M}吨，新增产值{M}万元。",
    "项目实施期为{Y}年至{Y}年，总投资{M}万元。",
    "当前{F}存在{I}偏低、{I}不足等瓶颈，制约了{O}产业的发展。",
    "采用{L}与{F}相结合的方法，{V}{F}的{I}预测模型。",
    "研究{F}在复杂工况下的{I}演化规律，揭示{F}的作用机理。",
    "依托{S}{F}产业集群，{V}产学研用协同创新体系。",
    "引进{C}专家{N}名，培养{F}领域青年科技人才{N}名。",
    "技术指标：{I}不低于{N}%，{I}达到{M}小时，{I}降低{N}%。",
    "与国内外同类技术相比，本项目{F}的{I}处于国际先进水平。",
    "建立{C}—山东{F}联合实验室，开展长期稳定的{G}合作。",
    "围绕{F}和{O}两个方向，{V}{N}项{G}，{V}{N}项核心装备。",
    "项目成果可应用于{F}、{O}和{O}等领域，市场前景广阔。",
    "{S}{F}企业众多，对{Q}{F}需求迫切，成果转化条件成熟。",
    "项目组由{N}名研究人员组成，其中高级职称{N}名，博士{N}名。",
    "{Q}{F}是{O}的重要支撑，也是国家重点支持的方向。",
    "合作方{C}{U}拥有{F}{G}和{M}平方米的实验场地。",
    "我方负责{F}的{G}与{I}测试，外方负责{O}的{G}。",
    "第{N}年完成{F}{G}的设计，第{N}年完成中试验证。",
    "以{I}和{I}为主要考核指标，{V}{Q}{G}。",
    "攻克{Q}{F}制备中的{I}控制难题，{I}提升至{N}%。",
    "利用{L}手段对{F}进行在线监测，实现{O}全过程{Q}管理。",
    "本项目符合{S}市{F}产业发展规划，已获得地方配套资金{M}万元。",
    "前期已在{F}方面承担省部级项目{N}项，授权专利{N}项。",
    "通过{F}与{O}的交叉融合，{V}{Q}{G}，带动就业{M}人。",
    "项目{V}的{F}{G}将在{S}的{N}家企业推广应用。",
    "外方在{O}领域发表论文{M}篇，具有{N}个国际合作项目的经验。",
    "解决{F}{I}低、{O}成本高的问题，降低{I}{N}%。",
    "开展{F}的{Q}{G}研究，建立{F}{G}数据库。",
    "{Y}年底前完成{F}{G}的{I}测试与第三方检测。",
    "推动{F}标准的国际互认，参与制定国际标准{N}项。",
    "研制{Q}{F}样机{N}台，{I}达到{C}同类产品水平。",
    "形成{F}从{G}到{G}的完整技术链条，服务{O}产业升级。",
    "双方互派研究人员{N}人次，联合培养研究生{N}名。",
    "探索{F}在{O}中的应用模式，{V}{Q}解决方案。"};

struct Random {  // a fixed 64-bit LCG, high bits out: the same corpus on every platform
  std::uint64_t state;
  std::uint64_t next() { return (state = state * 6364136223846793005u + 1442695040888963407u) >> 29; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  double unit() { return static_cast<double>(next() % 1000000) / 1e6; }
};

template <class List>
const char* pick(Random& r, const List& list) { return list[r.below(list.size())]; }

std::string fill(const char* pattern, Random& r, std::size_t field) {
  std::string out;
  for (const char* p = pattern; *p; ++p) {
    if (*p != '{') {
      out += *p;
      continue;
    }
    const char slot = p[1];
    p += 2;  // at '}'
    switch (slot) {
      case 'F': out += pick(r, kFields[r.below(5) == 0 ? r.below(kFields.size()) : field]); break;
      case 'O': out += pick(r, kFields[r.below(kFields.size())]); break;
      case 'G': out += pick(r, kGeneral); break;
      case 'Q': out += pick(r, kQualities); break;
      case 'I': out += pick(r, kIndicators); break;
      case 'V': out += pick(r, kVerbs); break;
      case 'C': out += pick(r, kCountries); break;
      case 'U': out += pick(r, kInstitutions); break;
      case 'S': out += pick(r, kCities); break;
      case 'L': out += pick(r, kLatin); break;
      case 'N': out += std::to_string(1 + r.below(99)); break;
      case 'M': out += std::to_string(100 + r.below(9900)); break;
      default: out += std::to_string(2025 + r.below(6)); break;
    }
  }
  return out;
}

// A proposal: its field, and sentences[0] its title.
struct Doc {
  std::size_t field = 0;
  std::vector<std::string> sentences;
};

std::string sentence_of(Random& r, std::size_t field) { return fill(pick(r, kSentences), r, field); }

Doc generate(std::uint64_t seed) {
  Random r{seed * 0x9E3779B97F4A7C15u + 1};
  Doc doc{r.below(kFields.size()), {}};
  doc.sentences.push_back(fill(pick(r, kTitles), r, doc.field));
  for (std::size_t chars = 0; chars < 3000;) {  // ~1000 characters, 3 bytes each
    doc.sentences.push_back(sentence_of(r, doc.field));
    chars += doc.sentences.back().size();
  }
  return doc;
}

std::string joined(const Doc& doc) {
  std::string text;
  for (const std::string& s : doc.sentences) text += s + (&s == &doc.sentences.front() ? "\n" : "");
  return text;
}

// What fold_for_comparison makes of the generator's own text (checked on a sample): its
// punctuation and spaces go, its Latin letters are lower-cased, the rest stays.
std::string quick_fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = zhinan::detail::decode_utf8(text, pos);
    if (cp < 0x80) {
      const auto c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    } else if (std::u32string_view(U"，。、；：—（）％").find(cp) == std::u32string_view::npos) {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) out += zhinan::detail::decode_utf8(text, pos);
  return out;
}

std::string encode(const std::u32string& text) {
  std::string out;
  for (const char32_t cp : text) zhinan::detail::append_utf8(out, cp);
  return out;
}

// One edit as writers make them: a sentence rewritten, a few characters changed, two
// sentences swapped. `small` allows only characters (to approach a target slowly).
void edit(Doc& doc, Random& r, bool small) {
  static const std::u32string kReplacements = U"进行开展实施推进完成加强深化拓展提高增强显著持续全面系统有效";
  const std::size_t roll = small ? 5 : r.below(10);
  const std::size_t at = 1 + r.below(doc.sentences.size() - 1);
  if (roll < 4) {
    doc.sentences[at] = sentence_of(r, doc.field);
  } else if (roll < 9) {
    std::u32string s = decode(doc.sentences[at]);
    for (std::size_t k = 0, n = 1 + r.below(3); k < n; ++k) {
      const std::size_t i = r.below(s.size());
      if (s[i] >= 0x4E00 && s[i] <= 0x9FFF) s[i] = kReplacements[r.below(kReplacements.size())];
    }
    doc.sentences[at] = encode(s);
  } else {
    std::swap(doc.sentences[at], doc.sentences[1 + r.below(doc.sentences.size() - 1)]);
  }
}

// Edits a copy of `doc` until its Jaccard index with the original falls to `target`.
Doc near_copy(const Doc& doc, double target, Random& r) {
  const ShingleSet original = ShingleSet::of(quick_fold(joined(doc)));
  Doc copy = doc;
  for (int step = 0; step < 400; ++step) {
    const double now = zhinan::jaccard(original, ShingleSet::of(quick_fold(joined(copy))));
    if (now <= target) break;
    edit(copy, r, now - target < 0.08);
  }
  return copy;
}

// How a unit writes it: now and then Traditional characters, full-width digits, spaces.
std::string decorated(std::string text, Random& r) {
  static const std::pair<const char*, const char*> kTraditional[] = {
      {"国际", "國際"}, {"技术", "技術"}, {"发展", "發展"}, {"产业", "產業"}, {"应用", "應用"}, {"数据", "數據"},
      {"环境", "環境"}, {"检测", "檢測"}, {"网络", "網絡"}, {"关键", "關鍵"}, {"研发", "研發"}, {"设计", "設計"}};
  const auto replace_all = [&](std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  };
  if (r.below(3) == 0)
    for (const auto& [simplified, traditional] : kTraditional) replace_all(simplified, traditional);
  if (r.below(3) == 0)
    for (char d = '0'; d <= '9'; ++d) replace_all(std::string(1, d), encode(std::u32string(1, U'０' + (d - '0'))));
  if (r.below(4) == 0) replace_all("，", "， ");
  return text;
}

long peak_rss_kb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

double cpu_seconds() {  // of the whole process, every thread
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five;
  in >> one >> five;
  return one + " " + five;
}

double share(std::size_t part, std::size_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 1.0; }

// A planted near-copy: its suggestion, what it copies (a registry item or a suggestion),
// their true Jaccard index (measured exactly), and whether the index reported the pair.
struct Planted {
  std::size_t query = 0, source = 0;
  double score = 0;
  bool found = false;
};

// Recall over the planted pairs whose true score is in [from, to).
double print_recall(const char* what, const std::vector<Planted>& planted, double from, double to) {
  std::size_t due = 0, hit = 0;
  for (const Planted& x : planted)
    if (x.score >= from && x.score < to) ++due, hit += x.found ? 1 : 0;
  std::printf("  %s J in [%.2f, %.2f): %5zu planted, %5zu found, recall %.4f\n", what, from, to, due, hit, share(hit, due));
  return share(hit, due);
}

std::uint64_t fresh_seed(std::size_t q) { return 1'000'000'000u + q; }  // beyond every registry seed

struct Registry {
  NearDuplicateIndex index;  // at the profile's threshold, 0.5
  double generate_time = 0, shingle_time = 0, build_time = 0, cpu = 0;  // cpu: of the shingles and the build
  std::size_t total_hashes = 0;
};

// Generated and shingled in blocks on every core, then indexed with add_all (every core):
// the sets of one block are held at once, never the registry's.
Registry build_registry(std::size_t size) {
  Registry registry;
  registry.index.reserve(size, size * 1000);  // ~1000 3-grams a text
  std::size_t characters = 0;
  constexpr std::size_t kBlock = 8192;
  std::vector<std::string> folded(std::min(kBlock, size));
  for (std::size_t from = 0; from < size; from += kBlock) {
    const std::size_t count = std::min(kBlock, size - from);
    auto t0 = Clock::now();
    on_every_core(count, [&](std::size_t i) { folded[i] = quick_fold(joined(generate(from + i))); });
    registry.generate_time += seconds_since(t0);
    t0 = Clock::now();
    double cpu0 = cpu_seconds();
    std::vector<ShingleSet> sets(count);
    on_every_core(count, [&](std::size_t i) { sets[i] = ShingleSet::of(folded[i]); });
    registry.shingle_time += seconds_since(t0);
    for (std::size_t i = 0; i < count; ++i) characters += folded[i].size() / 3, registry.total_hashes += sets[i].size();
    t0 = Clock::now();
    registry.index.add_all(std::move(sets));
    registry.build_time += seconds_since(t0);
    registry.cpu += cpu_seconds() - cpu0;
  }
  const auto t0 = Clock::now();
  const double cpu0 = cpu_seconds();
  (void)registry.index.query(ShingleSet::of("氢能储运关键技术"));  // the buckets are built on the first query
  registry.build_time += seconds_since(t0);
  registry.cpu += cpu_seconds() - cpu0;
  const auto& p = registry.index.params();
  const auto curve = [&](double s) { return zhinan::candidate_probability(s, p.bands, p.rows); };
  std::printf("index parameters: threshold %.2f, %d bands x %d rows = %d MinHash values (one-permutation, densified, 8 bits kept)\n",
              p.threshold, p.bands, p.rows, p.num_hashes);
  std::printf("  S-curve P(s) = 1-(1-s^%d)^%d: P(0.1) %.4f  P(0.2) %.4f  P(0.3) %.3f  P(0.4) %.3f  P(0.5) %.4f  P(0.8) %.10f\n",
              p.rows, p.bands, curve(0.1), curve(0.2), curve(0.3), curve(0.4), curve(0.5), curve(0.8));
  std::printf("registry: %zu texts, %.0f folded characters and %.0f 3-grams on average (generated already folded)\n", size,
              static_cast<double>(characters) / static_cast<double>(size),
              static_cast<double>(registry.total_hashes) / static_cast<double>(size));
  std::printf("  generate + quick fold (%u threads):  %8.2f s\n", cores(), registry.generate_time);
  std::printf("  3-gram shingle sets (%u threads):    %8.2f s\n", cores(), registry.shingle_time);
  std::printf("  index build (MinHash, store, buckets): %6.2f s\n", registry.build_time);
  return registry;
}

// How alike unrelated texts are: the background every query wades through.
void print_background(const NearDuplicateIndex& index) {
  Random r{7};
  std::vector<double> scores;
  for (int k = 0; k < 4000; ++k) {
    const std::size_t a = r.below(index.size()), b = r.below(index.size());
    if (a != b) scores.push_back(zhinan::jaccard(index.hashes(a), index.hashes(b)));
  }
  std::sort(scores.begin(), scores.end());
  double sum = 0;
  for (const double s : scores) sum += s;
  std::printf("background: Jaccard of %zu random registry pairs: mean %.3f, median %.3f, p99 %.3f, max %.3f\n", scores.size(),
              sum / static_cast<double>(scores.size()), scores[scores.size() / 2], scores[scores.size() * 99 / 100], scores.back());
}

struct Suggestions {
  std::vector<ShingleSet> sets;
  double shingle_time = 0, cpu = 0;
  std::vector<Planted> from_registry, within_batch;  // the rest are fresh
};

// A fifth are near-copies of distinct registry items, a twentieth near-copies of the last
// (fresh) suggestions, each at a target Jaccard drawn from [0.45, 0.99).
Suggestions make_suggestions(std::size_t count, const NearDuplicateIndex& registry) {
  Suggestions out;
  Random r{2025};
  std::vector<std::string> raw(count);
  auto t0 = Clock::now();
  for (std::size_t q = 0; q < count; ++q) {
    Doc doc;
    if (q < count / 5) {
      const std::size_t source = (q * 7919 + 13) % registry.size();  // distinct: 7919 is prime
      doc = near_copy(generate(source), 0.45 + 0.54 * r.unit(), r);
      out.from_registry.push_back({q, source});
    } else if (q < count / 5 + count / 20) {
      const std::size_t source = count - 1 - (q - count / 5);
      doc = near_copy(generate(fresh_seed(source)), 0.45 + 0.54 * r.unit(), r);
      out.within_batch.push_back({q, source});
    } else {
      doc = generate(fresh_seed(q));
    }
    raw[q] = decorated(joined(doc), r);
  }
  const double plant_time = seconds_since(t0);
  t0 = Clock::now();
  std::vector<std::string> folded(count);
  std::size_t bytes = 0;
  on_every_core(count, [&](std::size_t q) { folded[q] = zhinan::fold_for_comparison(raw[q]); });
  for (const std::string& text : raw) bytes += text.size();
  const double fold_time = seconds_since(t0);
  t0 = Clock::now();
  const double cpu0 = cpu_seconds();
  out.sets.resize(count);
  on_every_core(count, [&](std::size_t q) { out.sets[q] = ShingleSet::of(folded[q]); });
  out.shingle_time = seconds_since(t0);
  out.cpu = cpu_seconds() - cpu0;
  for (Planted& x : out.from_registry) x.score = zhinan::jaccard(out.sets[x.query].hashes(), registry.hashes(x.source));
  for (Planted& x : out.within_batch) x.score = zhinan::jaccard(out.sets[x.query], out.sets[x.source]);
  std::printf("suggestions: %zu (%zu near-copies of registry items, %zu of other suggestions), generated and edited in %.2f s\n",
              count, out.from_registry.size(), out.within_batch.size(), plant_time);
  std::printf("  fold_for_comparison (%u threads): %8.2f s for %.1f MB (%.1f MB/s; the registry would take ~%.0f s)\n", cores(),
              fold_time, static_cast<double>(bytes) / 1e6, static_cast<double>(bytes) / 1e6 / fold_time,
              fold_time * static_cast<double>(registry.size()) / static_cast<double>(count));
  std::printf("  3-gram shingle sets (%u threads):     %8.2f s\n", cores(), out.shingle_time);
  return out;
}

// Exact comparison of a sample of queries with the whole registry, timed, scaled to all
// queries: plain jaccard(), and jaccard_at_least() stopping each merge early. Only the
// merges are timed (each registry set is decoded once, untimed, as the earlier index held
// them whole). Returns the two scaled times, and counts the pairs at the threshold and
// those the index found.
struct Exact {
  double plain = 0, early = 0;
  std::size_t truth = 0, truth_found = 0;
};

Exact exact_all_pairs(const NearDuplicateIndex& index, const Suggestions& in,
                      const std::vector<std::vector<zhinan::NearDuplicate>>& results) {
  const std::size_t count = in.sets.size(), size = index.size();
  const double threshold = index.params().threshold;
  std::vector<std::size_t> sample;
  for (std::size_t k = 0; k < 10; ++k) sample.push_back(k * in.from_registry.size() / 10), sample.push_back(count - 1 - k * 7);
  std::size_t truth_early = 0;
  Exact out;
  double plain = 0, early = 0;
  for (std::size_t id = 0; id < size; ++id) {
    const std::vector<std::uint64_t> set = index.hashes(id);
    auto t0 = Clock::now();
    for (const std::size_t q : sample)
      if (zhinan::jaccard(in.sets[q].hashes(), set) >= threshold) {
        ++out.truth;
        for (const auto& d : results[q]) out.truth_found += d.id == id ? 1 : 0;
      }
    const auto t1 = Clock::now();
    for (const std::size_t q : sample) truth_early += zhinan::jaccard_at_least(in.sets[q].hashes(), set, threshold) ? 1 : 0;
    const auto t2 = Clock::now();
    plain += std::chrono::duration<double>(t1 - t0).count();
    early += std::chrono::duration<double>(t2 - t1).count();
  }
  const auto scaled = [&](double t) { return t * static_cast<double>(count) / static_cast<double>(sample.size()); };
  const auto per_pair = [&](double t) { return t / static_cast<double>(sample.size() * size) * 1e6; };
  std::printf("exact all-pairs: %zu queries x %zu registry texts (10 planted suggestions, 10 fresh), scaled to %zu x %zu, one core:\n",
              sample.size(), size, count, size);
  std::printf("  jaccard():                          %6.2f s, %.2f us a pair -> %.0f s\n", plain, per_pair(plain), scaled(plain));
  std::printf("  jaccard_at_least(%.2f), early exit: %6.2f s, %.2f us a pair -> %.0f s\n", threshold, early, per_pair(early),
              scaled(early));
  std::printf("  on the sample, pairs at >= %.2f: %zu (early exit: %zu), found by the index %zu\n", threshold, out.truth,
              truth_early, out.truth_found);
  out.plain = scaled(plain);
  out.early = scaled(early);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t registry_size = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  const std::size_t count = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 10000;
  if (registry_size < 1000 || count < 100) return std::fprintf(stderr, "usage: bench_dedup [REGISTRY>=1000] [SUGGESTIONS>=100]\n"), 2;

  std::size_t mismatches = 0;  // the generator's text folds as quick_fold says
  for (std::uint64_t i = 0; i < 300; ++i) {
    const std::string text = joined(generate(i));
    mismatches += zhinan::fold_for_comparison(text) == quick_fold(text) ? 0 : 1;
  }
  std::printf("quick fold = fold_for_comparison on 300 registry texts: %s\n", mismatches ? "NO" : "yes");
  std::printf("cores: %u\n", cores());
  Registry registry = build_registry(registry_size);
  NearDuplicateIndex& index = registry.index;
  const double threshold = index.params().threshold;
  print_background(index);
  Suggestions in = make_suggestions(count, index);

  // --- every suggestion against the registry, on every core
  auto t0 = Clock::now();
  double cpu0 = cpu_seconds();
  std::vector<std::vector<zhinan::NearDuplicate>> results = index.query_all(in.sets);
  const double query_time = seconds_since(t0), query_cpu = cpu_seconds() - cpu0;
  std::size_t reported = 0, confirmed = 0, planted_reported = 0, candidates = 0;
  for (std::size_t q = 0; q < count; ++q)
    for (const auto& d : results[q]) {
      ++reported;
      const double exact = zhinan::jaccard(in.sets[q].hashes(), index.hashes(d.id));
      confirmed += exact == d.score && exact >= threshold ? 1 : 0;
    }
  for (Planted& x : in.from_registry)
    for (const auto& d : results[x.query])
      if (d.id == x.source) x.found = true, ++planted_reported;
  for (std::size_t q = 0; q < count; q += 50) candidates += index.query(in.sets[q], 0.0).size();
  std::printf("queries: %zu against %zu in %.2f s on %u threads (%.0f us each); LSH candidates per query %.1f (those scoring > 0, on every 50th)\n",
              count, registry_size, query_time, cores(), query_time / static_cast<double>(count) * 1e6,
              static_cast<double>(candidates) / static_cast<double>((count + 49) / 50));
  std::printf("  reported pairs: %zu (%zu planted, %zu others), confirmed exactly at >= %.2f: %zu, precision %.4f\n", reported,
              planted_reported, reported - planted_reported, threshold, confirmed, share(confirmed, reported));
  const double recall_high = print_recall("registry", in.from_registry, 0.8, 1.01);
  print_recall("registry", in.from_registry, 0.5, 1.01);
  for (int tenth = 5; tenth < 10; ++tenth) print_recall("registry", in.from_registry, tenth / 10.0, (tenth + 1) / 10.0 + (tenth == 9 ? 0.01 : 0));
  print_recall("registry", in.from_registry, 0.0, 0.5);

  const Exact exact = exact_all_pairs(index, in, results);
  const double ratio = exact.plain / query_time, ratio_early = exact.early / query_time;
  std::printf("speed: index queries %.0fx faster than exact all-pairs (%.0fx than with early exit); %.0fx counting the index build\n",
              ratio, ratio_early, exact.plain / (query_time + registry.build_time));

  // --- the batch among itself (batch.similar, batch.duplicate)
  t0 = Clock::now();
  cpu0 = cpu_seconds();
  NearDuplicateIndex batch;
  batch.add_all(in.sets);
  const double batch_build = seconds_since(t0);
  t0 = Clock::now();
  const auto pairs = batch.pairs();
  const double batch_pairs = seconds_since(t0), batch_cpu = cpu_seconds() - cpu0;
  std::size_t batch_confirmed = 0;
  for (const auto& x : pairs) batch_confirmed += zhinan::jaccard(in.sets[x.first], in.sets[x.second]) == x.score && x.score >= threshold ? 1 : 0;
  for (Planted& x : in.within_batch)
    x.found = std::any_of(pairs.begin(), pairs.end(), [&](const auto& y) { return y.first == x.query && y.second == x.source; });
  t0 = Clock::now();
  std::size_t sample_similar = 0;
  for (std::size_t k = 0; k < 20; ++k)
    for (std::size_t j = 0; j < count; ++j) sample_similar += zhinan::jaccard(in.sets[k * (count / 20)], in.sets[j]) >= threshold;
  const double batch_exact = seconds_since(t0) / (20.0 * static_cast<double>(count)) * static_cast<double>(count * (count - 1) / 2);
  std::printf("batch: %zu suggestions among themselves: index built in %.2f s, pairs() in %.2f s; %zu pairs, %zu confirmed\n", count,
              batch_build, batch_pairs, pairs.size(), batch_confirmed);
  std::printf("  exact all-pairs, scaled from 20 x %zu (%zu pairs at >= %.2f, self included): %.0f s (%.0fx the index)\n", count,
              sample_similar, threshold, batch_exact, batch_exact / (batch_build + batch_pairs));
  const double recall_batch = print_recall("batch   ", in.within_batch, 0.8, 1.01);
  print_recall("batch   ", in.within_batch, 0.5, 1.01);

  // The dedup work against the 30 s target.
  const double work = registry.shingle_time + registry.build_time + in.shingle_time + query_time + batch_build + batch_pairs;
  const double work_cpu = registry.cpu + in.cpu + query_cpu + batch_cpu;
  std::printf("dedup work (registry shingles + index, suggestion shingles, queries, batch): %.2f s wall on %u cores (target 30 s),"
              " %.2f s CPU; exact all-pairs of the queries alone %.0f s: %.0fx\n",
              work, cores(), work_cpu, exact.plain, exact.plain / work);
  std::printf("  (the machine's load average now: %s; wall times grow with other processes' load, CPU times less)\n",
              load_average().c_str());

  // --- save and load the registry's index (dropping the original first)
  const auto file = std::filesystem::temp_directory_path() / "zhinan-bench-dedup.zndx";
  std::string error;
  t0 = Clock::now();
  const bool saved = index.save(file, &error);
  const double save_time = seconds_since(t0);
  const auto file_size = saved ? std::filesystem::file_size(file) : 0;
  const double format1_size = 8.0 * static_cast<double>(10 + registry_size + registry.total_hashes);
  results.resize(std::min<std::size_t>(200, count));  // (resize only shrinks: count may be below 200)
  index = NearDuplicateIndex();
  t0 = Clock::now();
  cpu0 = cpu_seconds();
  const std::optional<NearDuplicateIndex> loaded = saved ? NearDuplicateIndex::load(file, &error) : std::nullopt;
  const double load_time = seconds_since(t0), load_cpu = cpu_seconds() - cpu0;
  bool same = loaded && loaded->size() == registry_size;
  for (std::size_t q = 0; same && q < results.size(); ++q) same = loaded->query(in.sets[q]) == results[q];
  std::filesystem::remove(file);
  std::printf("save: %.2f s, %.1f MB (%.0f bytes a record); the earlier layout (every hash in 64 bits): %.1f MB: %.3fx\n",
              save_time, static_cast<double>(file_size) / 1e6, static_cast<double>(file_size) / static_cast<double>(registry_size),
              format1_size / 1e6, static_cast<double>(file_size) / format1_size);
  std::printf("load (checksum, inflate, decode, signatures and buckets rebuilt, %u threads): %.2f s wall (target 2 s), %.2f s CPU;"
              " same results for %zu queries: %s%s\n",
              cores(), load_time, load_cpu, results.size(), same ? "yes" : "NO ", same ? "" : error.c_str());
  const double peak_mb = static_cast<double>(peak_rss_kb()) / 1024;
  const double sets_mb = 8.0 * static_cast<double>(registry.total_hashes) / (1024 * 1024);
  std::printf("peak RSS (VmHWM): %.0f MB (target 1024 MB); the registry's sets alone, held whole in 64 bits as before: %.0f MB\n",
              peak_mb, sets_mb);

  const bool fast = work <= 30 && ratio >= 100 && ratio_early >= 100;
  const bool exact_ok = recall_high >= 0.98 && recall_batch >= 0.98 && confirmed == reported && batch_confirmed == pairs.size() &&
                        same && mismatches == 0;
  const bool small = peak_mb <= 1024 && static_cast<double>(file_size) <= 120e6 && load_time <= 2;
  std::printf("targets: work <= 30 s and >= 100x exact: %s; recall >= 0.98 at J >= 0.8, no false match, same after load: %s;"
              " peak <= 1 GB, index <= 120 MB, load <= 2 s: %s -> %s\n",
              fast ? "met" : "MISSED", exact_ok ? "met" : "MISSED", small ? "met" : "MISSED",
              fast && exact_ok && small ? "met" : "MISSED");
  return fast && exact_ok && small ? 0 : 1;
}
