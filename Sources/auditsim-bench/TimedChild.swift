import Foundation

/// Runs a program to its end with its output discarded, and measures it: wall time from spawn to
/// exit (`posix_spawn` and `wait4`, without Foundation's `Process`, whose exit notification adds
/// tens of milliseconds) and the CPU time (user + system) the child used.
enum TimedChild {
    struct Measurement {
        var wall: Double
        var cpu: Double
        var status: Int32
    }

    static func run(_ path: String, _ arguments: [String]) -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = now()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { fail("cannot run \(path)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { fail("cannot wait for \(path)") }
        }
        let wall = now() - started
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return Measurement(wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime), status: (status >> 8) & 0xFF)
    }
}
