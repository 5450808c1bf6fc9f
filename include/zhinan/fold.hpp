// Folding text for comparison (比对用规范化): the form in which the batch rules compare
// names, units, titles and contents ("Same proposer" and "Similarity" of the spec: NFKC,
// case and width folded, Traditional to Simplified, punctuation and white space removed).
#pragma once

#include <string>
#include <string_view>

namespace zhinan {

// Folds UTF-8 text, in this order:
// 1. Bytes that are not UTF-8 become U+FFFD (a symbol, so step 4 drops them): never a crash.
// 2. NFKC_Casefold (ICU): NFKC and full case folding in one, which also folds width —
//    full-width ＡＢＣ１２３ to abc123, half-width ｶﾞ to ガ, the ideographic space to a
//    space — and CJK compatibility ideographs (豈 U+F900) to the unified ones, and drops
//    default-ignorable characters (zero-width space, soft hyphen, variation selectors).
// 3. Traditional to Simplified exactly as ICU's "Traditional-Simplified" transliterator
//    does it (國際 → 国际, 臺灣 → 台湾, 乾燥 → 干燥 but 乾坤 stays), through a table
//    generated from that transliterator when the library is built: nothing to create at
//    run time, same bytes, many times faster.
// 4. Every character that is not a letter, a mark or a number is removed: punctuation (P*),
//    symbols (S*: + = ～ ★ ° emoji — decoration in a title, and the seed's titles use
//    none that carry meaning), separators (Z*: every white space) and controls and
//    format characters (Cc, Cf). Letters, marks and numbers (L*, M*, N*), private-use
//    and unassigned code points stay.
// 5. NFKC_Casefold once more when step 4 removed something, since a mark that followed a
//    removed symbol may now compose with the letter before it ("l★\u0301" → "ĺ").
// The result is letters, marks and digits, and folding it again changes nothing; "" folds
// to "".
std::string fold_for_comparison(std::string_view utf8);

// Whether step 3 is done. It always is now: the table is compiled into the library (the
// build stops when ICU's data lacks the transliterator). The function stays for callers
// from when the transliterator was created at run time and might have been missing.
bool traditional_to_simplified_available();

}  // namespace zhinan
