// EHCPAuditConcurrency: the few thread primitives the readers, the scorer and the store
// share, each a small class over one `NSCondition`:
//
// - ``BoundedHandoff``: items passed from one thread to another, a few at most waiting;
// - ``MadeAhead`` (and ``overlapping(produce:consume:)`` over it): items made in batches on
//   a thread of their own, ahead of the thread that takes them;
// - ``OrderedParallelMap``: inputs worked on by several threads at once, handed back in
//   the order they were made;
// - ``Future``: a value worked out on a thread of its own while the caller goes on.
//
// A target of the package, not a product: embedders never see it, and everything here is
// `package`.
//
// Why not a package off the shelf: these pipelines are synchronous and run on threads of
// their own, because what they overlap is synchronous: libxml2's reader, GRDB's write
// closures, SQLite's C API and the command line's loop over a file. swift-async-algorithms
// (`AsyncChannel`, `buffer`) works in `async` code only, and blocking a thread of Swift's
// cooperative pool while a file is read would starve it; swift-atomics gives atomic values
// but no way to wait; swift-collections' `Deque` would replace an array of at most a few
// batches; the standard library's `Mutex` needs macOS 15 (the package supports 14) and
// has no condition to wait on; swift-nio's `ConditionLock` would bring NIO into the
// readers and the store for one class. What is left is a few dozen lines each over
// Foundation's `NSCondition`, whose safety arguments are written beside them.
import Foundation

/// Runs `body` on a new thread of its own and returns at once.
///
/// `body` need not be `Sendable`: it, and everything it captures (a record source, say),
/// moves to the new thread, and the caller gives up touching any of it but through a
/// lock. That promise is what lets a non-`Sendable` closure cross to the new thread, and
/// it is made in this one place: each primitive here keeps it by handing its making
/// closure to the thread and calling it nowhere else.
@usableFromInline package func startThread(moving body: @escaping () -> Void) {
    let moved = Moved(body: body)
    Thread.detachNewThread { moved.body() }
}

/// A closure moving to another thread for good (see ``startThread(moving:)``).
private struct Moved: @unchecked Sendable {
    let body: () -> Void
}
