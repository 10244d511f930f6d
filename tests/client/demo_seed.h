#pragma once
// Demo data for the app's tests, screenshots and benchmark: a Ho Chi Minh City ward with its
// neighbourhoods, agencies, meetings, petitions, directives, progress notes, one conflict and
// one change the server refused. Written straight into a Replica (no server needed).

#include <cstdint>
#include <string>

#include "nghedan/replica.h"

namespace nghedan::demo {

struct DemoIds {
    std::string city, district, ward, neighbourhood, otherNeighbourhood;
    std::string weekMeeting, pastMeeting;
    std::string conflictPetition, transportPetition, healthPetition;
    std::string directive;
    std::string agencyPolice, agencyHealth, agencyTransport;
};

/** Seeds the demo data. Reference data and older records arrive as changes from a "server"
 *  site (as after a sync); this week's meeting and a few edits are local writes by `author`.
 *  Returns false (and `error`) if any write fails. */
bool seedDemo(Replica& replica, const std::string& author, DemoIds& ids, std::string* error);

/** Adds `count` petitions (remote changes, applied in batches) spread over the demo ward's
 *  neighbourhoods, with Vietnamese names and titles, for the benchmark. `seed` picks them. */
bool seedManyPetitions(Replica& replica, const DemoIds& ids, std::size_t count, std::uint32_t seed,
                       std::string* error);

}  // namespace nghedan::demo
