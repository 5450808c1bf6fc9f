// --profile and --registry, as validate and pack take them; and zhinan registry.
#include <ostream>

#include "cli.hpp"
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

// zhinan registry FUNDED.jsonl -o FUNDED.idx [--profile P]: index the funded projects once,
// so every later --registry FUNDED.idx starts at once.
int run_registry(const Context& ctx, std::span<const std::string> args) {
  std::string input, output, profile_path;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "-o" || args[i] == "--output") && i + 1 < args.size()) output = args[++i];
    else if (args[i] == "--profile" && i + 1 < args.size()) profile_path = args[++i];
    else if (input.empty() && !args[i].starts_with("-")) input = args[i];
    else input.clear(), output.clear(), i = args.size();
  }
  if (input.empty() || output.empty()) {
    ctx.err << say(ctx, "用法：zhinan registry 已立项项目.jsonl -o 索引文件 [--profile 配置]",
                   "usage: zhinan registry FUNDED.jsonl -o INDEX [--profile P]")
            << '\n';
    return kExitUsage;
  }
  auto profile = load_profile_option(ctx, profile_path);
  std::optional<FundedRegistry> registry;
  if (!profile || !load_registry_option(ctx, input, *profile, registry)) return kExitUsage;
  std::string error;
  if (!registry->save(path_from_utf8(output), &error)) {
    const auto split = error.find('\n');
    ctx.err << say(ctx, error.substr(0, split), split == std::string::npos ? error : error.substr(split + 1)) << '\n';
    return kExitUsage;
  }
  ctx.out << say(ctx,
                 "已为" + std::to_string(registry->projects().size()) + "个已立项项目建立索引：" + output,
                 "indexed " + std::to_string(registry->projects().size()) + " funded projects: " + output)
          << '\n';
  return kExitOk;
}

}  // namespace zhinan::cli
