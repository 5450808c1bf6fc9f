// Everything of zhinan's C++ API.
#pragma once

#include "zhinan/count.hpp"
#include "zhinan/count_mode.hpp"
#include "zhinan/diagnostic.hpp"
#include "zhinan/file_name.hpp"
#include "zhinan/fold.hpp"
#include "zhinan/io.hpp"
#include "zhinan/model.hpp"
#include "zhinan/money.hpp"
#include "zhinan/phone.hpp"
#include "zhinan/profile.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"
#include "zhinan/version.hpp"
