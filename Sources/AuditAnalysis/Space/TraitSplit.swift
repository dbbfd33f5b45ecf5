/// Splits cubes so that each is uniform in what decides the stages written: whether the request
/// has a user (no user: failed authentication, one ResponseStarted event) and whether it is
/// long-running (a ResponseStarted event).
enum TraitSplit {
    struct Piece<Tag: Sendable>: Sendable {
        var cube: Cube
        var tag: Tag
        var hasUser: Bool
        var longRunning: Bool
    }

    static func split<Tag: Sendable>(_ inputs: [Tagged<Tag>], space: RequestSpace) -> [Piece<Tag>] {
        let layout = space.layout
        let unauthenticated = [space.cubes(for: RequestTraits.unauthenticated)]
        let longRunning = [RequestTraits.longRunning.flatMap(space.cubes(for:))]
        let byUser = FirstMatchPartition.split(inputs, ruleCubes: unauthenticated, layout: layout)
        let tagged = byUser.map { Tagged(cube: $0.cube, tag: ($0.tag, $0.rule == nil)) }
        return FirstMatchPartition.split(tagged, ruleCubes: longRunning, layout: layout).map {
            Piece(cube: $0.cube, tag: $0.tag.0, hasUser: $0.tag.1, longRunning: $0.rule != nil)
        }
    }
}
