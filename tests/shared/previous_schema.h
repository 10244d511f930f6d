#pragma once
// The app of the version before this one, as the mixed-version tests pose it (shared and e2e).

#include <algorithm>
#include <vector>

#include "nghedan/schema.h"

namespace nghedan::test {

/** This build's entities without petition.resolution (a searchable field), without the enum
 *  value "online" of petition.channel, and without the entity "update": all "added in this
 *  version". */
inline const std::vector<EntityDef>& previousSchema() {
    static const std::vector<EntityDef> schema = [] {
        std::vector<EntityDef> out;
        for (EntityDef e : entities()) {
            if (e.name == "update") continue;
            if (e.name == "petition") {
                std::erase_if(e.fields, [](const FieldDef& f) { return f.name == "resolution"; });
                std::erase(e.fields[static_cast<std::size_t>(e.fieldIndex("channel"))].enumValues,
                           "online");
            }
            out.push_back(std::move(e));
        }
        return out;
    }();
    return schema;
}

}  // namespace nghedan::test
