/// epoll event bits (the C enum imports as plain Ints; these are typed for `csys_epoll_*`).
enum Epoll {
    static let input: UInt32 = 0x001
    static let output: UInt32 = 0x004
    static let error: UInt32 = 0x008
    static let hangup: UInt32 = 0x010
    static let readHangup: UInt32 = 0x2000
    static let edgeTriggered: UInt32 = 1 << 31
}
