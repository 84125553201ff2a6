import Testing
@testable import Shared

@Suite("SQL interpolation")
struct SQLTests {
    @Test("values become numbered parameters; nil optionals become NULL")
    func parameters() {
        let name: String? = nil
        let sql: SQL = "SELECT * FROM t WHERE a = \(5) AND b = \(name) AND c = \("x'y")"
        #expect(sql.text == "SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $3")
        #expect(sql.parameters == ["5", nil, "x'y"])
    }

    @Test("fragments are renumbered after the parameters before them, also past $9")
    func fragments() {
        let filter: SQL = "x = \(1) AND y = \(2)"
        var sql: SQL = "SELECT \(10), \(11), \(12), \(13), \(14), \(15), \(16), \(17), \(18)"
        sql = "\(sql) WHERE \(filter) AND z = \(3)"
        #expect(sql.text == "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE x = $10 AND y = $11 AND z = $12")
        #expect(sql.parameters.count == 12 && sql.parameters[9] == "1" && sql.parameters[11] == "3")
    }

    @Test("renumbering leaves dollar signs in quoted literals, bare dollars and non-ASCII text alone")
    func renumberLiterals() {
        #expect(SQL.renumber("a = $1 AND b = '$1 Grüße' AND c = $ AND d = $2::text", by: 3)
                == "a = $4 AND b = '$1 Grüße' AND c = $ AND d = $5::text")
        let fixed: SQL = "count(*)"
        let sql: SQL = "SELECT \(1), \(fixed)"
        #expect(sql.text == "SELECT $1, count(*)")
    }
}
