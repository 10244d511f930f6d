#pragma once
// Personal values that can be withheld while their change still proves its origin.
//
// A change that sets a personal field (schema `personal`) carries a random salt per such field
// ("salts"). Its signature (proof.h, format 2) covers each salted value only as
// H = SHA-256(salt || canonical value text), base64url. So the value can be replaced by the
// withheld marker {"$h": H} and its salt dropped, by anyone, and the signature still verifies:
// pull withholds what the device's user may not see, a redaction withholds for good, the
// server's refused list withholds every personal value. Without the salt, H reveals nothing
// (a phone number could otherwise be found by hashing every number).

#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "nghedan/change.h"
#include "nghedan/schema.h"

namespace nghedan {

/** Which fields of a change to withhold: (entity, field) -> true to hide. */
using WithholdRule = std::function<bool(const std::string& entity, const std::string& field)>;

/** True when `value` is a withheld marker: an object with the single member "$h". */
bool isWithheld(const Json& value);
/** isWithheld and "$h" is 32 bytes in base64url (43 characters). */
bool isValidWithheld(const Json& value);
/** A new random salt: 16 bytes in base64url (22 characters). */
std::string newSalt();
/** True when `salt` is 16 bytes in base64url. */
bool isValidSalt(std::string_view salt);
/** The withheld marker of a value under `salt`: {"$h": SHA-256(salt || value text)}. */
Json withheldMarker(const std::string& salt, const Json& value);

/** Gives each value of a personal field (schema `personal`) set in full and without a salt a
 *  new salt: what Replica::write does before signing, for whoever builds changes by hand. */
void saltPersonalValues(Change& change, const std::vector<EntityDef>& schema = entities());
/** Replaces each salted value that `hide` names by its marker and drops its salt; the
 *  signature stays valid. Returns whether anything changed. */
bool withhold(Change& change, const WithholdRule& hide);
/** Withholds `fields` for good (a redaction): each salted value by its marker (the signature
 *  stays valid), and a value stored before salts existed by a marker that says nothing
 *  ({"$h": 32 zero bytes}; its old signature no longer covers it, erasure comes first).
 *  Returns whether anything changed. */
bool erase(Change& change, const std::set<std::string>& fields);
/** Every salted value withheld: the form the signature of a format-2 change covers, and what
 *  two copies of one dot must agree on (a copy withheld is the same change). */
Change withheldForm(const Change& change);
/** withhold() on a change's stored text, returning the text to send. Fast when the text has
 *  no salts (most changes): returned as is, unparsed. A text that does not parse is returned
 *  as is. */
std::string withholdChangeText(const std::string& text, const WithholdRule& hide);
/** True when the stored text has salted values (so withholding may change it). */
bool hasSalts(std::string_view text);

}  // namespace nghedan
