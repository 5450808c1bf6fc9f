// zhinan import [-o OUT.json] [--format text|json] [--profile P] FILE: a unit's Word form
// (附件1) read into canonical zhinan.suggestion/1 JSON; findings on standard error.
#include <fstream>
#include <ostream>

#include "cli.hpp"
#include "office/summary_table_file.hpp"
#include "zhinan/import.hpp"
#include "zhinan/io.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan::cli {

namespace {

struct ImportOptions {
  std::string output;
  std::string profile_path;
  bool json = false;
  std::string file;
};

bool parse_import_options(const Context& ctx, std::span<const std::string> args, ImportOptions& o) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if ((a == "-o" || a == "--output") && has_value) {
      o.output = args[++i];
    } else if (a == "--profile" && has_value) {
      o.profile_path = args[++i];
    } else if (a == "--format" && has_value && (args[i + 1] == "text" || args[i + 1] == "json")) {
      o.json = args[++i] == "json";
    } else if (a.starts_with("-") && a != "-") {
      ctx.err << say(ctx, "未知选项或缺少取值：“" + a + "”", "unknown option or missing value: \"" + a + "\"") << '\n';
      return false;
    } else if (o.file.empty()) {
      o.file = a;
    } else {
      ctx.err << say(ctx, "一次只能读取一个文件", "one file at a time") << '\n';
      return false;
    }
  }
  if (o.file.empty()) {
    ctx.err << say(ctx, "用法：zhinan import [-o 输出.json] [--format text|json] [--profile 配置] 单位.docx",
                   "usage: zhinan import [-o OUT.json] [--format text|json] [--profile P] FORM.docx")
            << '\n';
    return false;
  }
  return true;
}

}  // namespace

int run_import(const Context& ctx, std::span<const std::string> args) {
  ImportOptions o;
  if (!parse_import_options(ctx, args, o)) return kExitUsage;
  std::shared_ptr<const Profile> profile = load_profile_option(ctx, o.profile_path);
  if (!profile) return kExitUsage;
  Context report{ctx.lang, ctx.err, ctx.err};
  std::string bytes;
  // What does not begin as a ZIP is no form, whatever follows: the text limit stops it.
  if (auto failure = read_input(o.file, bytes, suggestion_input_limits(*profile))) {
    // The JSON report names the file and why it was not read, as for a file that was.
    if (!o.json) return report_input_failure(ctx, o.file, *failure);
    print_json(report, "import", {{o.file, "", {*failure}}});
    return input_failure_exit(*failure);
  }
  // The file is read as a form whatever its extension: that is what this command is for.
  ImportResult imported = import_word_input(o.file, bytes, *profile);
  std::vector<FileResult> results{{o.file, imported.suggestion ? imported.suggestion->title : "", imported.diagnostics}};
  if (o.json) print_json(report, "import", results);
  else if (!imported.diagnostics.empty()) print_diagnostics(report, o.file, imported.diagnostics);
  if (!imported.suggestion) return kExitFindings;
  const std::string json = to_json(*imported.suggestion);
  if (o.output.empty()) {
    ctx.out << json;
    return kExitOk;
  }
  std::string why;
  const auto write = [&](const std::filesystem::path& temp, std::string* error) {
    std::ofstream out(temp, std::ios::binary);
    out << json;
    out.close();
    if (!out && error != nullptr) *error = "write error";
    return static_cast<bool>(out);
  };
  if (!detail::write_file_atomically(path_from_utf8(o.output), write, &why)) {
    ctx.err << say(ctx, "无法写入“" + o.output + "”：" + why, "cannot write \"" + o.output + "\": " + why) << '\n';
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace zhinan::cli
