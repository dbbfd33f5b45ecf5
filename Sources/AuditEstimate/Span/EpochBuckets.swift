/// Buckets of time aligned on the Unix epoch, shared by timelines and request times.
enum EpochBuckets {
    /// The start, in seconds, of the bucket `width` seconds wide that holds `microseconds`.
    static func start(ofMicroseconds microseconds: Int64, width: Int64) -> Int64 {
        start(ofSeconds: floorDivide(microseconds, 1_000_000), width: width)
    }

    /// The start of the bucket `width` seconds wide that holds `seconds`.
    static func start(ofSeconds seconds: Int64, width: Int64) -> Int64 {
        floorDivide(seconds, width) * width
    }

    /// `value / divisor` rounded towards minus infinity, so times before the epoch fall in the
    /// bucket below.
    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }
}
