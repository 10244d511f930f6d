#include "admin.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <termios.h>
#include <unistd.h>

#include "app.h"
#include "users.h"

namespace nghedan::server {
namespace {

constexpr const char* kAdminAuthor = "admin";

// ---- small parsing helpers -----------------------------------------------------------

/** Parses CSV (RFC 4180: quotes, doubled quotes, CRLF; UTF-8 BOM skipped) into rows. */
Result<std::vector<std::vector<std::string>>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, cellStarted = false;
    std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    int line = 1;
    auto endRow = [&] {
        row.push_back(cell);
        cell.clear();
        cellStarted = false;
        bool blank = row.size() == 1 && row[0].empty();
        if (!blank) rows.push_back(std::move(row));
        row.clear();
    };
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
        } else if (c == '"' && !cellStarted) {
            quoted = true;
            cellStarted = true;
        } else if (c == ',') {
            row.push_back(cell);
            cell.clear();
            cellStarted = false;
        } else if (c == '\n') {
            ++line;
            endRow();
        } else if (c == '\r') {
            // part of CRLF
        } else {
            cell += c;
            cellStarted = true;
        }
    }
    if (quoted)
        return Error{"invalid_file", "unterminated quote before line " + std::to_string(line)};
    if (cellStarted || !row.empty() || !cell.empty()) endRow();
    return rows;
}

std::string trim(std::string s) {
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
    s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
    return s;
}

/** Reads a CSV or JSON file into objects of string values (keys lowercased for CSV). */
Result<std::vector<std::map<std::string, std::string>>> readTable(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error{"io", "cannot read " + file};
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    std::vector<std::map<std::string, std::string>> out;
    const bool json = file.size() >= 5 && file.substr(file.size() - 5) == ".json";
    if (json) {
        Json j = Json::parse(text, nullptr, false);
        if (j.is_discarded() || !j.is_array())
            return Error{"invalid_file", file + ": expected a JSON array of objects"};
        for (std::size_t i = 0; i < j.size(); ++i) {
            if (!j[i].is_object())
                return Error{"invalid_file",
                             file + ": item " + std::to_string(i + 1) + " is not an object"};
            std::map<std::string, std::string> row;
            for (auto it = j[i].begin(); it != j[i].end(); ++it) {
                if (it->is_string())
                    row[it.key()] = trim(it->get<std::string>());
                else if (it->is_number_integer())
                    row[it.key()] = std::to_string(it->get<long long>());
                else if (!it->is_null())
                    return Error{"invalid_file", file + ": item " + std::to_string(i + 1) + ", '" +
                                                     it.key() + "' must be a string"};
            }
            out.push_back(std::move(row));
        }
        return out;
    }
    auto rows = parseCsv(text);
    if (!rows) return rows.error();
    if (rows->empty()) return out;
    std::vector<std::string> header;
    for (const std::string& h : (*rows)[0]) {
        std::string key = trim(h);
        for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        header.push_back(key);
    }
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const auto& cells = (*rows)[r];
        if (cells.size() > header.size())
            return Error{"invalid_file", file + ": row " + std::to_string(r + 1) + " has " +
                                             std::to_string(cells.size()) + " cells, the header " +
                                             std::to_string(header.size())};
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < cells.size(); ++c) row[header[c]] = trim(cells[c]);
        out.push_back(std::move(row));
    }
    return out;
}

std::string field(const std::map<std::string, std::string>& row, const char* key) {
    const auto it = row.find(key);
    return it == row.end() ? std::string() : it->second;
}

/** Writes only the fields whose display value differs; counts the outcome. */
Status upsert(Store& replica, const std::string& entity, const std::string& id,
              const std::string& unit, const std::map<std::string, Json>& values,
              ImportReport& report) {
    std::map<std::string, Json> set;
    if (!id.empty()) {
        auto existing = replica.get(entity, id);
        if (!existing) return existing.error();
        if (*existing) {
            const Json& current = (*existing)->values;
            for (const auto& [k, v] : values)
                if (!current.contains(k) || current[k] != v) set[k] = v;
            if (set.empty()) {
                ++report.unchanged;
                return {};
            }
            auto written = replica.write({entity, id, {}, kAdminAuthor, set});
            if (!written) return written.error();
            ++report.updated;
            return {};
        }
    }
    set = values;
    WriteRequest req{entity, id, unit, kAdminAuthor, set};
    // A new record with a chosen id: Replica::write only generates ids for empty ones, and
    // creates the record when the id is unknown.
    auto written = replica.write(req);
    if (!written) return written.error();
    ++report.created;
    return {};
}

/** The one record of `entity` whose `field` is `value` (nullopt: none; "ambiguous": more). */
Result<std::optional<std::string>> findOne(Store& store, const std::string& entity,
                                           const std::string& field, const std::string& value,
                                           bool includeDeleted) {
    auto ids = store.recordIdsWhere(entity, field, value, includeDeleted);
    if (!ids) return ids.error();
    if (ids->size() > 1) return Error{"ambiguous", "more than one record matches '" + value + "'"};
    if (ids->empty()) return std::optional<std::string>();
    return std::optional<std::string>(ids->front());
}

// ---- commands ------------------------------------------------------------------------

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // "--role" -> "official"; flags -> ""
};

Args parseArgs(const std::vector<std::string>& args, const std::vector<std::string>& flags) {
    Args out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) == 0) {
            if (std::find(flags.begin(), flags.end(), a) != flags.end() || i + 1 >= args.size())
                out.options[a] = "";
            else
                out.options[a] = args[++i];
        } else {
            out.positional.push_back(a);
        }
    }
    return out;
}

std::string dataDirOf(const Args& a) {
    if (auto it = a.options.find("--data"); it != a.options.end()) return it->second;
    if (const char* v = std::getenv("NGHEDAN_DATA"); v && *v) return v;
    return "nghedan-data";
}

std::optional<std::string> opt(const Args& a, const char* key) {
    const auto it = a.options.find(key);
    if (it == a.options.end()) return std::nullopt;
    return it->second;
}

/** A password from stdin (first line) or typed twice at the terminal without echo. */
std::optional<std::string> readPassword(bool fromStdin) {
    std::string line;
    if (fromStdin) {
        if (!std::getline(std::cin, line)) return std::nullopt;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    FILE* tty = std::fopen("/dev/tty", "r+");
    if (!tty) return std::nullopt;
    termios old{};
    const int fd = fileno(tty);
    tcgetattr(fd, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    auto prompt = [&](const char* text) -> std::optional<std::string> {
        std::fputs(text, tty);
        std::fflush(tty);
        tcsetattr(fd, TCSAFLUSH, &quiet);
        char buf[1100];
        const bool ok = std::fgets(buf, sizeof buf, tty) != nullptr;
        tcsetattr(fd, TCSAFLUSH, &old);
        std::fputs("\n", tty);
        if (!ok) return std::nullopt;
        std::string s(buf);
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
        return s;
    };
    auto first = prompt("Mật khẩu / Password: ");
    auto second = first ? prompt("Nhập lại / Again: ") : std::nullopt;
    std::fclose(tty);
    if (!first || !second) return std::nullopt;
    if (*first != *second) {
        std::cerr << "the two passwords differ\n";
        return std::nullopt;
    }
    return first;
}

/** "2026-12-01 10:00 UTC" */
std::string formatTime(std::int64_t ms) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%d %H:%M UTC", &tm);
    return out;
}

int fail(const std::string& message) {
    std::cerr << "error: " << message << "\n";
    return 1;
}

int userCommand(const std::vector<std::string>& raw) {
    const Args a = parseArgs(raw, {"--password-stdin", "--password", "--enable"});
    if (a.positional.empty()) return fail("user add|update|disable|list ...\n" + adminUsage());
    const std::string action = a.positional[0];
    auto replica = openDataDir(dataDirOf(a));
    if (!replica) return fail(replica.error().message);
    Store& r = **replica;
    Store& users = r;
    const std::int64_t now = systemMillis();

    if (action == "list") {
        auto list = users.listUsers();
        if (!list) return fail(list.error().message);
        for (const Account& u : *list)
            std::cout << u.username << "\t" << u.role << "\t" << u.scopeUnit << "\t"
                      << (u.disabled ? "disabled" : "active") << "\t" << u.displayName << "\n";
        return 0;
    }
    if (a.positional.size() < 2) return fail("user " + action + " needs a username");
    const std::string username = a.positional[1];

    std::optional<std::string> scope;
    if (auto s = opt(a, "--scope")) {
        auto unit = resolveUnit(r, *s);
        if (!unit) return fail(unit.error().message);
        scope = *unit;
    }
    const auto role = opt(a, "--role");
    if (role && !isValidRole(*role)) return fail("--role must be official, supervisor or admin");
    std::optional<std::string> passwordHash;
    const bool wantsPassword =
        action == "add" || opt(a, "--password") || opt(a, "--password-stdin");
    if (wantsPassword && action != "disable") {
        auto password = readPassword(opt(a, "--password-stdin").has_value());
        if (!password) return fail("no password given");
        if (password->size() < 8) return fail("the password needs at least 8 characters");
        auto hash = hashPassword(*password);
        if (!hash) return fail(hash.error().message);
        passwordHash = *hash;
    }

    if (action == "add") {
        if (!role || !scope) return fail("user add needs --role and --scope");
        Account acc;
        acc.username = username;
        acc.displayName = opt(a, "--name").value_or(username);
        acc.role = *role;
        acc.scopeUnit = *scope;
        acc.createdAt = now;
        if (Status s = users.addUser(acc, *passwordHash); !s) return fail(s.error().message);
        (void)users.audit(now, "cli", "user_add", username + " " + *role + " " + *scope);
        std::cout << "user " << username << " added (" << *role << ", scope " << *scope << ")\n";
        return 0;
    }
    if (action == "update") {
        const std::optional<bool> enable =
            opt(a, "--enable") ? std::optional<bool>(false) : std::nullopt;
        if (Status s =
                users.updateUser(username, opt(a, "--name"), role, scope, passwordHash, enable);
            !s)
            return fail(s.error().message);
        (void)users.audit(now, "cli", "user_update", username);
        std::cout << "user " << username << " updated\n";
        return 0;
    }
    if (action == "disable") {
        // Its tablets wipe their data at their next sync (after sending what they hold).
        auto wipes = users.orderUserDeviceWipes(username, now, "cli");
        if (!wipes) return fail(wipes.error().message);
        if (Status s = users.updateUser(username, std::nullopt, std::nullopt, std::nullopt,
                                        std::nullopt, true);
            !s)
            return fail(s.error().message);
        (void)users.audit(now, "cli", "user_disable", username);
        std::cout << "user " << username << " disabled; their sessions ended; " << *wipes
                  << " devices ordered to wipe at their next sync\n";
        return 0;
    }
    return fail("unknown user action '" + action + "'");
}

int importCommand(const std::vector<std::string>& raw) {
    const Args a = parseArgs(raw, {});
    if (a.positional.size() != 2 || (a.positional[0] != "units" && a.positional[0] != "agencies"))
        return fail("import units|agencies FILE.csv|FILE.json");
    auto replica = openDataDir(dataDirOf(a));
    if (!replica) return fail(replica.error().message);
    auto report = a.positional[0] == "units" ? importUnits(**replica, a.positional[1])
                                             : importAgencies(**replica, a.positional[1]);
    if (!report) return fail(report.error().message);
    (void)(*replica)->audit(systemMillis(), "cli", "import_" + a.positional[0],
               a.positional[1] + ": " + std::to_string(report->created) + " created, " +
                   std::to_string(report->updated) + " updated");
    std::cout << a.positional[0] << ": " << report->created << " created, " << report->updated
              << " updated, " << report->unchanged << " unchanged\n";
    return 0;
}

/** Copies every complete blob `from` holds into the file blob store at `dir` that it lacks
 *  (streamed, checked against its name and synced there). Returns how many were copied. */
Result<std::size_t> copyBlobs(BlobStore& from, const std::filesystem::path& dir) {
    auto to = openFileBlobStore(dir);
    if (!to) return to.error();
    auto entries = from.list();
    if (!entries) return entries.error();
    std::size_t copied = 0;
    std::vector<char> buffer(64 * 1024);
    for (const BlobStore::Entry& e : *entries) {
        if ((*to)->size(e.hash)) continue;  // content-addressed: the same name is the same bytes
        auto reader = from.open(e.hash);
        if (!reader) {
            if (reader.error().code == "not_found") continue;  // removed meanwhile
            return reader.error();
        }
        (void)(*to)->remove(e.hash);
        auto writer = (*to)->resume(e.hash, 0);
        if (!writer) return writer.error();
        for (std::uint64_t at = 0; at < (*reader)->size();) {
            auto n = (*reader)->read(at, buffer.data(), buffer.size());
            if (!n) return n.error();
            if (*n == 0) break;
            if (Status s = (*writer)->write(buffer.data(), *n); !s) return s.error();
            at += *n;
        }
        if (Status s = (*writer)->sync(); !s) return s.error();
        writer->reset();
        auto done = (*to)->finish(e.hash, (*reader)->size());
        if (!done) return done.error();
        if (!*done) return Error{"io", "blob " + e.hash + " was cut while it was copied"};
        ++copied;
    }
    return copied;
}

int backupCommand(const std::vector<std::string>& raw) {
    const Args a = parseArgs(raw, {});
    if (a.positional.size() != 1) return fail("backup DEST (a new file, or a directory)");
    std::filesystem::path dest = a.positional[0];
    if (std::filesystem::is_directory(dest)) {
        char name[64];
        const std::time_t t = std::time(nullptr);
        std::tm tm{};
        gmtime_r(&t, &tm);
        std::strftime(name, sizeof name, "nghedan-%Y%m%d-%H%M%S.db", &tm);
        dest /= name;
    }
    if (std::filesystem::exists(dest)) return fail(dest.string() + " exists; choose a new file");
    const std::string dataDir = dataDirOf(a);
    if (!std::filesystem::exists(databasePath(dataDir))) return fail("no database in " + dataDir);
    auto replica = openDataDir(dataDir);
    if (!replica) return fail(replica.error().message);
    if (Status s = (*replica)->backupTo(dest.string()); !s) {
        std::error_code ec;
        std::filesystem::remove(dest, ec);
        return fail(s.error().message);
    }
    // The live database moves to a new lineage: the copy, put back later, is seen as a
    // restore and gets a new epoch (tablets then re-push what it lacks).
    if (Status s = rotateLineage(**replica, dataDir); !s) return fail(s.error().message);
    // The attachments' bytes beside it, after the database: every blob its records had
    // acknowledged is in the copy. A blobs/ directory shared by several backups keeps each
    // blob once.
    const std::filesystem::path blobDir = std::filesystem::absolute(dest).parent_path() / "blobs";
    auto copied = copyBlobs((*replica)->blobs(), blobDir);
    if (!copied) return fail("the database was copied, the blobs not: " + copied.error().message);
    (void)(*replica)->audit(systemMillis(), "cli", "backup", dest.string());
    std::cout << "backup written to " << dest.string() << " (" << std::filesystem::file_size(dest)
              << " bytes); " << *copied << " new blobs in " << blobDir.string() << "\n";
    return 0;
}

/** device list | device revoke SITE: a lost or retired tablet's key stops proving anything
 *  it sends from now on; what the server already holds from it stays valid. */
int deviceCommand(const std::vector<std::string>& raw) {
    const Args a = parseArgs(raw, {});
    if (a.positional.empty()) return fail("device list | device revoke SITE\n" + adminUsage());
    const std::string dataDir = dataDirOf(a);
    if (!std::filesystem::exists(databasePath(dataDir))) return fail("no database in " + dataDir);
    auto replica = openDataDir(dataDir);
    if (!replica) return fail(replica.error().message);
    Store& r = **replica;
    Store& users = r;
    const std::string& action = a.positional[0];
    if (action == "list") {
        auto devices = users.listDevices();
        if (!devices) return fail(devices.error().message);
        for (const auto& d : *devices) {
            auto key = r.siteKey(d.site);
            std::string state = "no key";
            auto wipe = users.deviceWipeState(d.site);
            if (wipe && *wipe == "pending")
                state = "disabled: wipe at next sync";
            else if (wipe && *wipe == "wiped" && key && *key && (*key)->validThrough)
                state = "wiped, revoked after seq " + std::to_string(*(*key)->validThrough);
            else if (key && *key && (*key)->validThrough)
                state = "revoked after seq " + std::to_string(*(*key)->validThrough);
            else if (key && *key && !(*key)->publicKey.empty())
                state = "key " + (*key)->publicKey.substr(0, 12) + "…";
            std::cout << d.site << "\t" << d.username << "\t" << formatTime(d.lastSeenAt) << "\t"
                      << d.lastIp << "\t" << state << "\n";
        }
        return 0;
    }
    if (action == "disable" || action == "enable") {
        const auto site = opt(a, "--site");
        if (!site || !isValidSiteId(*site)) return fail("device " + action + " --site SITE (32 hex digits)");
        if (*site == r.siteId()) return fail("that is this server's own site");
        if (action == "disable") {
            if (Status s = users.orderDeviceWipe(*site, systemMillis(), "cli"); !s)
                return fail(s.error().message);
            std::cout << "device " << *site
                      << " disabled: at its next sync it sends what it holds, wipes its data and "
                         "its key is revoked\n";
        } else {
            if (Status s = users.cancelDeviceWipe(*site, systemMillis(), "cli"); !s)
                return fail(s.error().message);
            std::cout << "device " << *site << " enabled again (its wipe order is withdrawn)\n";
        }
        return 0;
    }
    if (action != "revoke" || a.positional.size() != 2)
        return fail("device list | device revoke SITE\n" + adminUsage());
    const std::string site = a.positional[1];
    if (!isValidSiteId(site)) return fail("SITE must be a device id (32 hex digits)");
    if (site == r.siteId()) return fail("that is this server's own site");
    auto through = r.revokeDevice(site, systemMillis(), "cli");
    if (!through) return fail(through.error().message);
    std::cout << "device " << site << " revoked: its changes up to seq " << *through
              << " stay valid, later ones are refused; its sessions ended\n";
    return 0;
}

int statsCommand(const std::vector<std::string>& raw) {
    const Args a = parseArgs(raw, {"--json"});
    const std::string dataDir = dataDirOf(a);
    if (!std::filesystem::exists(databasePath(dataDir))) return fail("no database in " + dataDir);
    auto replica = openDataDir(dataDir);
    if (!replica) return fail(replica.error().message);
    Store& r = **replica;
    Json out;
    out["dataDir"] = dataDir;
    out["epoch"] = r.meta("server_epoch").value_or("");
    out["site"] = r.siteId();
    out["changes"] = r.changeCount();
    out["logCursor"] = r.lastCursor();
    Json records = Json::object();
    if (auto counts = r.recordCounts(); counts)
        for (const auto& [entity, c] : *counts)
            records[entity] = {{"records", c.records}, {"withConflicts", c.withConflicts}};
    out["records"] = records;
    if (auto sites = r.siteVector(); sites) out["sites"] = sites->size();
    if (auto c = r.accountCounts(systemMillis()); c)
        out["users"] = {{"total", c->users},
                        {"active", c->activeUsers},
                        {"sessions", c->sessions},
                        {"devices", c->devices}};
    std::error_code ec;
    out["databaseBytes"] = std::filesystem::file_size(databasePath(dataDir), ec);
    if (opt(a, "--json")) {
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "data directory  " << dataDir << "\n"
              << "epoch           " << out["epoch"].get<std::string>() << "\n"
              << "changes         " << out["changes"] << " (from " << out["sites"] << " replicas)\n"
              << "database size   " << out["databaseBytes"] << " bytes\n";
    for (auto it = records.begin(); it != records.end(); ++it)
        std::cout << "  " << it.key()
                  << std::string(14 - std::min<std::size_t>(13, it.key().size()), ' ')
                  << it.value()["records"] << " records, " << it.value()["withConflicts"]
                  << " with conflicts\n";
    if (out.contains("users"))
        std::cout << "users           " << out["users"]["active"] << " active of "
                  << out["users"]["total"] << ", " << out["users"]["sessions"] << " live sessions, "
                  << out["users"]["devices"] << " devices\n";
    return 0;
}

}  // namespace

std::string adminUsage() {
    return R"(admin subcommands (all take --data DIR, default $NGHEDAN_DATA or ./nghedan-data):
  user add NAME --role official|supervisor|admin --scope UNIT [--name "Họ tên"] [--password-stdin]
  user update NAME [--role R] [--scope UNIT] [--name N] [--password | --password-stdin] [--enable]
  user disable NAME              (ends the user's sessions; orders their tablets to wipe)
  user list
  import units FILE.csv|FILE.json      (columns: code,name,level,parent[,id])
  import agencies FILE.csv|FILE.json   (columns: name,short_name,level,unit[,contact][,id])
  backup DEST                    (online SQLite backup to a new file or into a directory;
                                  the attachments' blobs go to blobs/ beside it)
  device list                    (tablets that signed in: site, user, last seen, key)
  device revoke SITE             (a lost tablet: its later changes are refused, sessions end)
  device disable --site SITE     (remote wipe: at its next sync the tablet sends what it holds,
                                  wipes its data, and its key is revoked)
  device enable --site SITE      (withdraws a wipe order the tablet has not carried out yet)
  stats [--json]
UNIT is a unit id or code. Without --password-stdin the password is asked at the terminal.
)";
}

int runAdminCommand(const std::vector<std::string>& args) {
    if (args.empty()) return fail(adminUsage());
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "user") return userCommand(rest);
    if (args[0] == "import") return importCommand(rest);
    if (args[0] == "backup") return backupCommand(rest);
    if (args[0] == "stats") return statsCommand(rest);
    if (args[0] == "device") return deviceCommand(rest);
    return fail("unknown command '" + args[0] + "'\n" + adminUsage());
}

Result<std::string> resolveUnit(Store& replica, const std::string& idOrCode) {
    auto byId = findOne(replica, "unit", "id", idOrCode, true);
    if (!byId) return byId.error();
    if (*byId) return **byId;
    auto byCode =
        findOne(replica, "unit", "code", idOrCode, false);
    if (!byCode) return byCode.error();
    if (*byCode) return **byCode;
    return Error{"unit_not_found", "no unit with id or code '" + idOrCode + "'"};
}

Result<ImportReport> importUnits(Store& replica, const std::string& file) {
    auto rows = readTable(file);
    if (!rows) return rows.error();
    ImportReport report;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const auto& row = (*rows)[i];
        const std::string where = file + " row " + std::to_string(i + 1) + ": ";
        const std::string code = field(row, "code"), name = field(row, "name"),
                          level = field(row, "level"), parentRef = field(row, "parent");
        std::string id = field(row, "id");
        if (name.empty() || level.empty())
            return Error{"invalid_file", where + "name and level are required"};
        if (id.empty() && !code.empty()) {
            auto found = findOne(replica, "unit", "code", code, true);
            if (!found) return Error{found.error().code, where + found.error().message};
            if (*found) id = **found;
        }
        std::map<std::string, Json> values{{"name", name}, {"level", level}};
        if (!code.empty()) values["code"] = code;
        if (!parentRef.empty()) {
            auto parent = resolveUnit(replica, parentRef);
            if (!parent) return Error{parent.error().code, where + parent.error().message};
            values["parent"] = *parent;
        }
        if (id.empty()) id = newRecordId();
        // A unit record belongs to itself: its `unit` is its own id.
        if (Status s = upsert(replica, "unit", id, id, values, report); !s)
            return Error{s.error().code, where + s.error().message};
    }
    return report;
}

Result<ImportReport> importAgencies(Store& replica, const std::string& file) {
    auto rows = readTable(file);
    if (!rows) return rows.error();
    ImportReport report;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const auto& row = (*rows)[i];
        const std::string where = file + " row " + std::to_string(i + 1) + ": ";
        const std::string name = field(row, "name"), level = field(row, "level"),
                          unitRef = field(row, "unit");
        std::string id = field(row, "id");
        if (name.empty() || level.empty() || unitRef.empty())
            return Error{"invalid_file", where + "name, level and unit are required"};
        auto unit = resolveUnit(replica, unitRef);
        if (!unit) return Error{unit.error().code, where + unit.error().message};
        if (id.empty()) {
            auto found = findOne(replica, "agency", "name", name, true);
            if (!found) return Error{found.error().code, where + found.error().message};
            id = *found ? **found : newRecordId();
        }
        std::map<std::string, Json> values{{"name", name}, {"level", level}};
        if (auto s = field(row, "short_name"); !s.empty()) values["short_name"] = s;
        if (auto c = field(row, "contact"); !c.empty()) values["contact"] = c;
        if (Status s = upsert(replica, "agency", id, *unit, values, report); !s)
            return Error{s.error().code, where + s.error().message};
    }
    return report;
}

}  // namespace nghedan::server
