#pragma once
// The demo data set of `nghedan-server serve --demo`: Ho Chi Minh City, districts 3 and 12
// with wards and neighbourhoods, agencies, one user per role and ward, and the 48 weeks of
// "Mỗi tuần một khu phố" meetings before today with their petitions, directives and progress
// notes, including the two stories of the source article. People's names are fictional.

#include <cstdint>
#include <functional>
#include <string>

#include "store.h"

namespace nghedan::server {

/** Password of every demo user. */
inline constexpr const char* kDemoPassword = "demo1234";

/** The shape of the demo's unit tree: the article's (city → districts → wards →
 *  neighbourhoods) or today's (since 1 July 2025: city → 168 wards, communes and a special zone →
 *  neighbourhoods; the demo's wards hang from the city, the districts' agencies are the city's,
 *  supervisors see the city, and "canbo.xa1" is the official of a commune). */
enum class DemoTree { Districts, TwoTier };

/** Seeds the demo data into `replica` when it holds no change and no user (returns false and
 *  changes nothing otherwise). Deterministic for a given day (fixed random seed; the 48 weeks
 *  end at the last Friday before today). Every write goes through Store::write with the demo
 *  user who would have written it as author; `setClock(ms)` moves the replica's physical
 *  clock to each event's time (0 restores the system clock) so the history looks natural. */
Result<bool> seedDemoData(Store& store, const std::function<void(std::int64_t)>& setClock,
                          DemoTree tree = DemoTree::Districts);

}  // namespace nghedan::server
