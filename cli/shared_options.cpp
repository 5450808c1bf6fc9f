// --profile and --registry, as validate and pack take them; and zhinan registry.
#include <ostream>

#include "cli.hpp"
#include "options.hpp"
#include "zhinan/io.hpp"

namespace zhinan::cli {
namespace {
constexpr std::string_view kSavedRegistry = "zhinan.registry/1\n";
}  // namespace

std::shared_ptr<const Profile> load_profile_option(const Context& ctx, const std::string& path) {
  if (path.empty()) return Profile::builtin_shared();
  ProfileLoadResult loaded = Profile::from_file(path_from_utf8(path));
  if (!loaded.profile) print_diagnostics(Context{ctx.lang, ctx.err, ctx.err}, path, loaded.diagnostics);
  return loaded.profile;
}

bool load_registry_option(const Context& ctx, const std::string& path, const Profile& profile,
                          std::optional<FundedRegistry>& registry) {
  if (path.empty()) return true;
  // A saved index (zhinan registry -o) loads as it is; JSON Lines are indexed now.
  std::string head;
  if (auto bytes = read_file(path_from_utf8(path))) head = bytes->substr(0, kSavedRegistry.size());
  FundedRegistry::LoadResult loaded =
      head == kSavedRegistry
          ? FundedRegistry::load(path_from_utf8(path))
          : FundedRegistry::from_jsonl_file(path_from_utf8(path), profile.similarity().history_similar_funded);
  print_diagnostics(Context{ctx.lang, ctx.err, ctx.err}, path, loaded.diagnostics);
  if (!loaded.registry || has_errors(loaded.diagnostics)) return false;
  registry = std::move(loaded.registry);
  return true;
}

std::shared_ptr<const Profile> allow_more_key_technologies(const Profile& profile) {
  Limits limits = profile.limits();
  limits.allow_more_key_technologies = true;
  return std::make_shared<const Profile>(profile.with_limits(limits));
}

constexpr OptionSpec kRegistryOptions[] = {
    {.name = "--output", .alias = "-o", .value_zh = "索引文件", .value_en = "INDEX",
     .help_zh = "索引的保存位置；validate、pack、audit 查重时可直接读取它", .help_en = "where the index goes, for validate, pack and audit to read at once",
     .example = "已立项项目.idx", .synopsis = true, .required = true,
     .missing_zh = "缺少 -o 索引文件：请指定索引的保存位置，例如 -o 已立项项目.idx",
     .missing_en = "-o INDEX is missing: say where the index goes, e.g. -o funded.idx"},
    {.name = "--profile", .value_zh = "配置.json", .value_en = "PROFILE.json",
     .help_zh = "另一年度通知的配置（相似度阈值从中读取；默认内置2025年山东省通知）",
     .help_en = "another call's profile (for its similarity threshold; default: the built-in 2025 Shandong call)",
     .example = "山东2026.json"},
};

const CommandSpec kRegistryCommand{
    .name = "registry",
    .summary_zh = "为已立项项目建立查重索引，供 validate、pack、audit 查重时直接读取",
    .summary_en = "index the funded projects once, for validate, pack and audit to read at once",
    .operands_zh = "已立项项目.jsonl",
    .operands_en = "FUNDED.jsonl",
    .operands_help_zh = "已立项项目清单：每行一个 JSON（id、year、title、abstract、unit）",
    .operands_help_en = "the funded projects: one JSON object a line (id, year, title, abstract, unit)",
    .min_operands = 1,
    .max_operands = 1,
    .no_operands_zh = "缺少已立项项目清单：例如 zhinan registry 已立项项目.jsonl -o 已立项项目.idx",
    .no_operands_en = "no funded-project list: e.g. zhinan registry funded.jsonl -o funded.idx",
    .options = kRegistryOptions,
    .notes_zh = "退出码：0 已建立索引；2 用法错误或清单无法读取。\n",
    .notes_en = "Exit codes: 0 indexed; 2 usage error or a list that cannot be read.\n",
};

// zhinan registry FUNDED.jsonl -o FUNDED.idx [--profile P]: index the funded projects once,
// so every later --registry FUNDED.idx starts at once.
int run_registry(const Context& ctx, std::span<const std::string> args) {
  ParsedArgs parsed;
  if (auto exit = parse_command_line(ctx, kRegistryCommand, args, parsed)) return *exit;
  const std::string input = parsed.operands.front(), output = parsed.value("--output");
  const std::string profile_path = parsed.value("--profile");
  auto profile = load_profile_option(ctx, profile_path);
  std::optional<FundedRegistry> registry;
  if (!profile || !load_registry_option(ctx, input, *profile, registry)) return kExitUsage;
  std::string error;
  if (!registry->save(path_from_utf8(output), &error)) {
    const auto split = error.find('\n');
    ctx.err << say(ctx, error.substr(0, split), split == std::string::npos ? error : error.substr(split + 1)) << '\n';
    return kExitUsage;
  }
  const std::size_t n = registry->projects().size();
  ctx.out << say(ctx, "已为" + std::to_string(n) + "个已立项项目建立索引：" + output,
                 "indexed " + count_en(n, "funded project", "funded projects") + ": " + output)
          << '\n';
  return kExitOk;
}

}  // namespace zhinan::cli
