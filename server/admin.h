#pragma once
// Admin subcommands of nghedan-server: users, imports of reference data, backup, stats.
// They work on the data directory directly (also while the server runs: SQLite WAL).

#include <string>
#include <vector>

#include "store.h"

namespace nghedan::server {

std::string adminUsage();

/** Runs `user ...`, `import ...`, `backup DEST` or `stats` (args[0] is the subcommand).
 *  Prints results to stdout and errors to stderr; returns the process exit code. */
int runAdminCommand(const std::vector<std::string>& args);

struct ImportReport {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
};

/** Imports units from CSV (header: code,name,level,parent[,id]) or JSON (array of objects
 *  with the same keys). `parent` is a unit id or code, possibly of a unit earlier in the file.
 *  A unit found by id or code is updated, so importing the same file twice changes nothing.
 *  Writes are the server's own changes, author "admin". Stops at the first bad row (the rows
 *  before it stay imported) with an error naming the row. */
Result<ImportReport> importUnits(Store& replica, const std::string& file);
/** Imports agencies: CSV header name,short_name,level,unit[,contact][,id] (unit = the
 *  jurisdiction unit's id or code) or JSON. An agency found by id or by name is updated. */
Result<ImportReport> importAgencies(Store& replica, const std::string& file);

/** The unit id for an id or a code; "unit_not_found" or "ambiguous". */
Result<std::string> resolveUnit(Store& replica, const std::string& idOrCode);

}  // namespace nghedan::server
