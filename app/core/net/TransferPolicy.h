#pragma once

#include <QtGlobal>
#include <algorithm>
#include <limits>

namespace koodrive::net {

// The budget and the rules of one kind of transfer. Every request the app sends goes through
// net::Transfer with one of these: nothing the network says is read past its byte budget or waited for
// past its deadline, and credentials never leave the origin they were issued for.
struct TransferPolicy
{
    qint64 maxBytes = 0;   // the body is refused past this (Content-Length first, then counted)
    int deadlineMs = 0;    // the whole transfer, however steadily the bytes trickle in
    int idleTimeoutMs = 0; // no byte for this long
    int maxRedirects = 3;  // a loop ends here with its own error
    // The request carries KooDrive credentials (Authorization, X-User-Id, a password): a redirect is followed
    // only within the same origin (scheme, host, port), and plain http only to loopback, on every hop.
    bool carriesCredentials = false;

    // API answers: the largest documented page (100 files with signed URLs, ~210 KB) many times over.
    static TransferPolicy api() { return {4 * 1024 * 1024, 30'000, 20'000, 3, true}; }
    // A thumbnail or cover: the server scales it to at most 1024 px (ThumbnailScheduler::boxFor).
    static TransferPolicy thumbnail() { return {8 * 1024 * 1024, 30'000, 15'000, 3, false}; }
    // An original for the viewer: a 100-megapixel JPEG is about 40 MB; a RAW or a big PNG may be more.
    static TransferPolicy original() { return {128 * 1024 * 1024, 300'000, 30'000, 3, false}; }
    // A part of an upload PUT to its pre-signed URL (OPERATIONS.md §3): the answer is an ETag or a short
    // error document; the deadline is a minute plus the part at 64 KiB/s. The URL's signature is a
    // credential: redirects stay on its origin, and plain http goes to loopback only.
    static TransferPolicy uploadPart(qint64 partBytes)
    {
        const qint64 deadline = 60'000 + partBytes / 64;
        return {64 * 1024, int(std::min<qint64>(deadline, std::numeric_limits<int>::max())), 30'000, 3, true};
    }
};

} // namespace koodrive::net
