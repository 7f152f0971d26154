#pragma once

#include <QtGlobal>

namespace MogUp {

// SFTP upload tuning (SshSession::upload, in SftpUpload.cpp).
//
// libssh2 1.10's libssh2_sftp_write cuts the buffer of ONE call into packets of at most 30000 bytes and
// keeps all of them in flight before it waits for acknowledgements; it returns as soon as some are
// acknowledged, and the next call must pass the unacknowledged bytes again at the front (the "sliding"
// pattern of libssh2's example/sftp_write_sliding.c). The bytes passed per call are therefore the
// pipeline depth: a multiple of 30000 so that no short packet goes out in the middle of the file.
// Measured on loopback (bench/bench_upload, 256 MiB): see BENCHMARKS.md for the choice.
constexpr qsizetype kSftpPacket = 30000;
constexpr qsizetype kSftpWindow = kSftpPacket * 70; // 2.1 MB in flight

// Progress callbacks at most this often (plus one at the end): the GUI shows them, a faster stream
// would only cost signal traffic.
constexpr int kUploadProgressIntervalMs = 100;

} // namespace MogUp
