#pragma once

#include "ApiError.h"

#include <utility>
#include <variant>

namespace koodrive::api {

// A call's outcome: a value, or the error that stopped it.
template<typename T>
class Result final
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(ApiError error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    const T &value() const { return std::get<T>(m_state); }
    T &value() { return std::get<T>(m_state); }
    const ApiError &error() const { return std::get<ApiError>(m_state); }

private:
    std::variant<T, ApiError> m_state;
};

struct Done
{
}; // the value of calls that answer only success

} // namespace koodrive::api
