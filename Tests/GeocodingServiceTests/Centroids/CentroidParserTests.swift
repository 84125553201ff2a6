import Testing
import Shared
@testable import GeocodingService

@Suite("PLZ centroid file parsers")
struct CentroidParserTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("JSON list: numbers or numeric strings, trimmed PLZ, DE only, zero coordinates and bad PLZs skipped, first wins")
    func jsonList() throws {
        let rows = try CentroidFileFormat.parse(Self.bytes("""
            [{"country_code":"DE","zipcode":" 52062 ","place":"Aachen","state":"Nordrhein-Westfalen","state_code":"NW","latitude":"50.7827","longitude":"6.0697"},
             {"country_code":"DE","zipcode":"52062","place":"Aachen-Mitte","state":"NRW","state_code":"NW","latitude":50.1,"longitude":6.1},
             {"country_code":"AT","zipcode":"10100","place":"Wien","latitude":"48.2","longitude":"16.3"},
             {"country_code":"DE","zipcode":"1067","place":"Dresden","latitude":"51.0","longitude":"13.7"},
             {"country_code":"DE","zipcode":"1006a","place":"X","latitude":"51.0","longitude":"13.7"},
             {"country_code":"DE","zipcode":"10115","place":"Berlin","latitude":"0","longitude":"13.4"},
             {"country_code":"DE","zipcode":"10117","place":"Berlin","latitude":52.5,"longitude":0.0},
             {"country_code":"DE","zipcode":"10178","place":"Berlin","latitude":"abc","longitude":"13.4"},
             {"country_code":"DE","zipcode":"80331","place":"München","latitude":48.135,"longitude":11.574},
             {"country_code":"DE","zipcode":"20095","latitude":"53.55","longitude":"10.0"},
             "not an object", 42,
             {"country_code":"DE","zipcode":"20099","place":"Hamburg","state":"Hamburg","state_code":"HHX","latitude":"53.55","longitude":"10.01"}]
            """))
        #expect(rows.read == 13 && rows.skipped == 10)
        #expect(rows.centroids.map(\.plz) == ["52062", "80331", "20099"])
        #expect(rows.centroids[0] == Centroid(plz: "52062", ort: "Aachen", bundesland: "Nordrhein-Westfalen", bundeslandCode: "NW",
                                              coordinates: Coordinates(latitude: 50.7827, longitude: 6.0697)))
        #expect(rows.centroids[1].bundesland == nil && rows.centroids[1].coordinates.latitude == 48.135)
        #expect(rows.centroids[2].bundeslandCode == nil)   // does not fit varchar(2)
    }

    @Test("JSON: a byte-order mark and leading white space still select JSON; broken JSON fails as a whole")
    func jsonEdges() throws {
        let withBOM = [0xEF, 0xBB, 0xBF] + Self.bytes("\n [{\"country_code\":\"DE\",\"zipcode\":\"10115\",\"place\":\"Berlin\",\"latitude\":\"52.53\",\"longitude\":\"13.4\"}]")
        #expect(CentroidFileFormat.detect(withBOM) == .jsonList)
        #expect(try CentroidFileFormat.parse(withBOM).centroids.map(\.plz) == ["10115"])
        #expect(throws: CentroidImportError.malformedFile("not valid JSON")) { try CentroidFileFormat.parse(Self.bytes("[{\"zipcode\":")) }
        #expect(try CentroidFileFormat.parse(Self.bytes("[]")) == CentroidRows())
    }

    @Test("GeoNames TSV: the columns of DE.txt, CRLF, blank lines, short rows, numeric admin codes, first wins")
    func geoNames() {
        let text = [
            "DE\t52062\tAachen\tNordrhein-Westfalen\tNW\tKöln\t053\tStädteregion Aachen\t05334\t50.7766\t6.0834\t4",
            "DE\t52062\tAachen Zweite\tNordrhein-Westfalen\tNW\t\t\t\t\t50.1\t6.1\t4\r",
            "",
            "DE\t07743\tJena\tThüringen\t07\t\t\t\t\t50.9272\t11.5861\t",
            "DE\t10115\tBerlin\tBerlin\tBE\t\t\t\t\t0\t13.385\t4",
            "DE\t1011\tBerlin\tBerlin\tBE\t\t\t\t\t52.5\t13.385\t4",
            "AT\t10100\tWien\tWien\t09\t\t\t\t\t48.2\t16.3\t4",
            "DE\t10117\tBerlin",
            "DE\t01067\tDresden\tSachsen\tSN\tDresden\t00\tKreisfreie Stadt Dresden\t14612\t51.0557\t13.7216\t4\r",
        ].joined(separator: "\n") + "\n"
        let bytes = Self.bytes(text)
        #expect(CentroidFileFormat.detect(bytes) == .geoNamesTSV)
        let rows = CentroidFileFormat.parseTSV(bytes)
        #expect(rows.read == 8 && rows.skipped == 5)
        #expect(rows.centroids.map(\.plz) == ["52062", "07743", "01067"])
        #expect(rows.centroids[0] == Centroid(plz: "52062", ort: "Aachen", bundesland: "Nordrhein-Westfalen", bundeslandCode: "NW",
                                              coordinates: Coordinates(latitude: 50.7766, longitude: 6.0834)))
        #expect(rows.centroids[1].bundeslandCode == "07" && rows.centroids[1].bundesland == "Thüringen")
        #expect(rows.centroids[2].coordinates == Coordinates(latitude: 51.0557, longitude: 13.7216))
    }

    @Test("the committed fixture parses completely and leaves out the PLZs tests expect to be unknown")
    func fixture() throws {
        let rows = try CentroidFileFormat.parse(CentroidFile.contents(PLZFixture.path))
        #expect(rows.skipped == 0 && rows.read == rows.centroids.count && rows.read >= 30)
        let plz = Set(rows.centroids.map(\.plz))
        #expect(plz.isSuperset(of: ["52062", "52064", "10115", "01067", "20095", "80331", "60311", "50667", "70173"]))
        #expect(plz.isDisjoint(with: ["00000", "00001", "00002", "99000", "99062", "99064", "99065", "99068"]))
    }

    @Test("PLZ format: exactly five ASCII digits after trimming")
    func plzFormat() {
        #expect(PLZ.isValid("52062") && PLZ.isValid(PLZ.trimmed(" 52062 \t")))
        for bad in ["5206", "520621", "52062a", "５２０６２", "", " 52062"] { #expect(!PLZ.isValid(bad), "\(bad)") }
    }
}
