#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work that recurses as deep as its input nests on a thread with a stack large enough for
/// the deepest input kube-apiserver accepts.
///
/// Go's JSON decoder accepts nesting up to 10,000 levels (encoding/json scanner.go, `maxNestingDepth`)
/// and go-yaml's parser as deep; the recursive descent that imitates them needs more than a
/// default 8 MiB stack for that in a debug build. The stack is reserved address space: only the
/// pages a deep input touches become memory.
enum DeepStack {
    /// The stack reserved for the work: 1 GiB of address space.
    static let size = 1 << 30

    /// `work()`'s result, computed on a thread with a `size` stack.
    static func run<Result>(_ work: @escaping () -> Result) -> Result {
        let box = Box(work)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        let context = Unmanaged.passRetained(box as AnyObject).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let created = pthread_create(&thread, &attributes, { raw in
            let box = Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue() as! Runnable
            box.execute()
            return nil
        }, context)
        guard created == 0 else {
            // No thread could be made: run here, as deep as the current stack allows.
            Unmanaged<AnyObject>.fromOpaque(context).release()
            return work()
        }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        return box.result!
    }

    private protocol Runnable: AnyObject {
        func execute()
    }

    private final class Box<Result>: Runnable, @unchecked Sendable {
        let work: () -> Result
        var result: Result?
        init(_ work: @escaping () -> Result) { self.work = work }
        func execute() { result = work() }
    }
}
