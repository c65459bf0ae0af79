#pragma once

class QTcpSocket;

namespace blog {

// While a request's answer is computed elsewhere (a long poll waiting for comments, a hash running),
// its connection has nothing to be read: its read notifier is switched off meanwhile, so the HTTP
// thread's event loop does not poll that socket on every pass (500 waiting long polls cost the cached
// listing about a fifth of its rate on two cores). Bytes a client pipelines wait in the kernel until
// the answer is written; a client that hangs up meanwhile is noticed then. Both on the socket's thread.
namespace SocketReadPause {

void pause(QTcpSocket *socket);
void resume(QTcpSocket *socket);

} // namespace SocketReadPause

} // namespace blog
