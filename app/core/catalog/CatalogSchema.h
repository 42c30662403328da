#pragma once

#include <QStringList>

namespace koodrive::catalog::schema {

// The catalog's schema, as the steps that make it: step N turns a file of version N-1 into version N (0 is
// an empty file). A new version adds a step; a step is never changed once released (KeePassXC keeps its
// formats the same way): a file of any older version is brought up to date by running the steps it lacks,
// all in one transaction.
int currentVersion();
QStringList stepTo(int version);

} // namespace koodrive::catalog::schema
