#pragma once
// Result types of the shared library: its public API never throws.

#include <string>
#include <utility>
#include <variant>

namespace nghedan {

/** An error: a stable machine code ("invalid_value", "unknown_field", "io", ...) and a
 *  message for people that names the field and the rule that failed. */
struct Error {
    std::string code;
    std::string message;
};

/** Either a value or an Error. Check ok() before value(). */
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_v); }
    const T& value() const { return std::get<0>(m_v); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

/** Success or an Error, for operations with no value. */
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : m_ok(false), m_error(std::move(error)) {}
    static Status success() { return {}; }
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    bool m_ok = true;
    Error m_error;
};

}  // namespace nghedan
