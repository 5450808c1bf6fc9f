#include <doctest/doctest.h>

#include <string>

#include "support.hpp"
#include "zhinan/fold.hpp"

using zhinan::fold_for_comparison;

TEST_CASE("fold: ICU's Traditional-Simplified transliterator is there") {
  CHECK(zhinan::traditional_to_simplified_available());
}

TEST_CASE("fold: Traditional text folds to the same as Simplified") {
  CHECK(fold_for_comparison("國際科技合作項目") == "国际科技合作项目");
  CHECK(fold_for_comparison("國際科技合作項目") == fold_for_comparison("国际科技合作项目"));
  CHECK(fold_for_comparison("臺灣") == "台湾");
  CHECK(fold_for_comparison("臺灣") == fold_for_comparison("台湾"));
  CHECK(fold_for_comparison("氫能儲運關鍵技術") == fold_for_comparison("氢能储运关键技术"));
  CHECK(fold_for_comparison("醫養健康") == "医养健康");
  CHECK(fold_for_comparison("国际科技合作项目") == "国际科技合作项目");  // Simplified stays
  // ICU swaps 苧 and 苎 both ways; both fold to the Simplified 苎 here.
  CHECK(fold_for_comparison("苧麻纖維") == "苎麻纤维");
  CHECK(fold_for_comparison("苎麻纤维") == "苎麻纤维");
  CHECK(fold_for_comparison("薴") == "苎");
}

TEST_CASE("fold: width, case and compatibility forms fold") {
  CHECK(fold_for_comparison("ＡＢＣ１２３") == "abc123");
  CHECK(fold_for_comparison("ＡＢＣ１２３") == fold_for_comparison("abc123"));
  CHECK(fold_for_comparison("ｶﾞｽ") == "ガス");  // half-width katakana, voiced mark composed
  CHECK(fold_for_comparison("Hydrogen STORAGE") == "hydrogenstorage");
  CHECK(fold_for_comparison("Straße") == "strasse");
  CHECK(fold_for_comparison("\uF900") == fold_for_comparison("\u8C48"));  // compatibility 豈
  CHECK(fold_for_comparison("\uF900") == "岂");                           // …then Simplified
  CHECK(fold_for_comparison("\uF91F") == "兰");  // compatibility 蘭: unified, then Simplified
  CHECK(fold_for_comparison("\u2F00") == "一");       // Kangxi radical one
  CHECK(fold_for_comparison("①5G") == "15g");
  CHECK(fold_for_comparison("㎏") == "kg");
  CHECK(fold_for_comparison("Cafe\u0301") == fold_for_comparison("CAF\u00C9"));
}

TEST_CASE("fold: punctuation, symbols and white space are removed") {
  CHECK(fold_for_comparison("“一带一路”共建国家") == "一带一路共建国家");
  CHECK(fold_for_comparison("氢能，储运。关键（技术）！") == "氢能储运关键技术");
  CHECK(fold_for_comparison(" 氢能\t储运\n\u3000技术 ") == "氢能储运技术");
  CHECK(fold_for_comparison("智能+医疗★～") == "智能医疗");
  CHECK(fold_for_comparison("a\u200Bb\u00ADc\uFEFF") == "abc");
  CHECK(fold_for_comparison("低空经济 \xF0\x9F\x9A\x81") == "低空经济");  // an emoji is a symbol
}

TEST_CASE("fold: empty input, invalid UTF-8, and folding twice") {
  CHECK(fold_for_comparison("") == "");
  CHECK(fold_for_comparison("  ，。 ") == "");
  CHECK(fold_for_comparison("\xFF\xFE氢\xC3") == "氢");
  CHECK(fold_for_comparison(std::string("a\0b", 3)) == "ab");
  const std::string once = fold_for_comparison("國際科技合作項目：ＡＩ＋醫療, Phase Ⅱ");
  CHECK(once == "国际科技合作项目ai医疗phaseii");
  CHECK(fold_for_comparison(once) == once);
  const std::string mark = fold_for_comparison("l★\u0301");  // the mark meets the letter
  CHECK(mark == "\u013A");
  CHECK(fold_for_comparison(mark) == mark);
  const std::string long_text = zhinan::test::repeat("國際合作，", 2000);
  CHECK(fold_for_comparison(long_text) == zhinan::test::repeat("国际合作", 2000));
}
