// Folding as it was done before the generated table: ICU's Traditional-Simplified
// transliterator run on every text (internal). It stays as the reference that the tests
// and bench/bench_fold.cpp compare the table-driven fold_for_comparison with.
#pragma once

#include <string>
#include <string_view>

namespace zhinan::detail {

// The steps of zhinan/fold.hpp, step 3 done by one transliterator per thread (made on the
// thread's first call, tens of milliseconds). Gives the same bytes as
// fold_for_comparison; only much slower.
std::string fold_for_comparison_icu(std::string_view utf8);

// Whether ICU's data has the transliterator (Debian's libicu72 does).
bool icu_traditional_to_simplified_available();

}  // namespace zhinan::detail
