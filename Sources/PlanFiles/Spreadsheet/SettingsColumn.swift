import Foundation

/// The two columns of the settings sheet.
enum SettingsColumn {
    static let key = PlanColumn("key", "Chiave", [], width: 36, aliases: ["impostazione", "setting"])
    static let value = PlanColumn("value", "Valore", [], width: 60)
}
