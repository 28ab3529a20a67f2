import Foundation
import Testing

/// The minimum group size for customer-satisfaction services, through the real `polso` binary.
@Suite("polso satisfaction: services with fewer questionnaires than the minimum (CLI)")
struct SatisfactionPrivacyCLITests {
    /// A Google Forms export of `rows` questionnaires, every answer the most positive one.
    func export(rows: Int) -> String {
        var lines = ["Informazioni cronologiche,\"Complessivamente, quanto è soddisfatto del servizio ricevuto?\","
            + "Giudizi sul servizio [Cortesia e disponibilità del personale],Giudizi sul servizio [Competenza del personale],"
            + "Tempi di attesa allo sportello,Chiarezza delle informazioni ricevute,Servizi online e sito internet,"
            + "Quanto è probabile che consigli il servizio a un collega o a un conoscente?"]
        for row in 0..<rows { lines.append("0\(row + 1)/02/2020 9.00.00,Molto soddisfatto,10,10,🙂,Ottima,5,10") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// 2020: Registro Imprese 8 questionnaires, Artigianato 6, Protesti 3 (one file per service,
    /// appended to the one wave).
    func store() throws -> CLIRunner {
        let cli = try CLIRunner()
        for (service, rows) in [("Registro Imprese", 8), ("Artigianato", 6), ("Protesti", 3)] {
            let file = try cli.write("\(rows).csv", export(rows: rows))
            let result = try cli.run(["import", file, "--survey", "customer-satisfaction", "--year", "2020", "--service", service, "--append"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        return cli
    }

    func line(_ text: String, _ prefix: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init) ?? ""
    }

    @Test("a service under the minimum reads <5 and the next-smallest, hidden to protect it, n.d., in every format; the total stays")
    func services() throws {
        let cli = try store()
        let table = try cli.run(["satisfaction"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(line(table.stdout, "Protesti").split(separator: " ").suffix(2) == ["<5", "<5"])
        // Artigianato (6) is hidden with Protesti: else Protesti = total − the others. It is not
        // under the minimum, so it reads n.d., and a note under the table says why.
        #expect(line(table.stdout, "Artigianato").split(separator: " ").suffix(2) == ["n.d.", "n.d."])
        #expect(table.stdout.contains("<5: meno di 5 persone, o calcolato da un dato che ne ha meno; non pubblicato per riservatezza."))
        #expect(table.stdout.contains("n.d.: almeno 5 persone, non pubblicato perché per differenza rivelerebbe un gruppo con meno di 5 persone."))
        let english = try cli.run(["satisfaction", "--locale", "en", "--format", "markdown"]).stdout
        #expect(english.contains("| Crafts | withheld | withheld |") && english.contains("| Protests | <5 | <5 |"))
        #expect(english.contains("withheld: 5 or more people, withheld because by subtraction it would reveal a group of fewer than 5."))
        #expect(line(table.stdout, "Registro Imprese").split(separator: " ").dropFirst(2).first == "8")
        // 17 questionnaires in all, every one positive.
        #expect(line(table.stdout, "Totale").contains(" 17 "))
        // The plain mean of the services' percentages would give the hidden ones away.
        #expect(!table.stdout.contains("Media delle % dei servizi"))

        let csv = try cli.run(["satisfaction", "--format", "csv"]).stdout.split(separator: "\r\n").map(String.init)
        #expect(csv[0].hasSuffix(",coverage,suppressed,suppressed_because"))
        #expect(csv.contains("2020,service,Protesti" + String(repeating: ",", count: 29) + "true,fewer_than_minimum"))
        #expect(csv.contains("2020,service,Artigianato" + String(repeating: ",", count: 29) + "true,complementary"))
        #expect(!csv.contains { $0.hasPrefix("2020,service,Protesti,SOD") || $0.hasPrefix("2020,service,Artigianato,SOD") })
        #expect(csv.contains { $0.hasPrefix("2020,service,Registro Imprese,SOD,8,") && $0.hasSuffix(",false,") })

        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["satisfaction", "--format", "json"]).stdout.utf8)) as! [String: Any]
        let tableJSON = json["table"] as! [String: Any]
        #expect(tableJSON["minimumGroupSize"] as? Int == 5)
        let services = tableJSON["services"] as! [[String: Any]]
        for (name, reason) in [("Protesti", "fewer_than_minimum"), ("Artigianato", "complementary")] {
            let value = (services.first { $0["service"] as? String == name }!["values"] as! [[String: Any]])[0]
            #expect(value["suppressed"] as? Bool == true && value["suppressedBecause"] as? String == reason)
            #expect(value["questionnaires"] == nil && (value["items"] as? [Any])?.isEmpty == true)
        }

        for service in ["Protesti", "Artigianato"] {
            let refused = try cli.run(["satisfaction", "--service", service, "--by", "item"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("service '\(service)' is withheld in 2020"))
        }
        #expect(try cli.run(["satisfaction", "--service", "Registro Imprese"]).status == 0)

        // --min-group 3: nothing is hidden; Protesti's 3 questionnaires, all positive.
        let lowered = try cli.run(["satisfaction", "--min-group", "3"])
        #expect(line(lowered.stdout, "Protesti").split(separator: " ").dropFirst().prefix(4) == ["3", "3", "3", "100,00"])
        #expect(lowered.stdout.contains("Media delle % dei servizi"))
    }
}
