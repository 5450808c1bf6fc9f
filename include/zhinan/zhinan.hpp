// Everything of zhinan's C++ API.
#pragma once

#include "zhinan/count_mode.hpp"
#include "zhinan/diagnostic.hpp"
#include "zhinan/io.hpp"
#include "zhinan/model.hpp"
#include "zhinan/money.hpp"
#include "zhinan/profile.hpp"
#include "zhinan/suggestion_json.hpp"
#include "zhinan/version.hpp"
