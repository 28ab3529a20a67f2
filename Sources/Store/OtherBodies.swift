/// Whether an import's refusals may name another body's stored files and waves.
///
/// A file or its respondents already stored in another body's wave is refused either way (one
/// export belongs to one body, and a network figure must not count it twice); what differs is
/// what the refusal says of that body's file: the command line holds the whole store and names
/// it, a web user who sees one body learns only that another body holds it.
public enum OtherBodies: Sendable, Equatable {
    /// Another body's file is named as one's own: name, wave, body, date, line.
    case named
    /// Another body's file is "a file of another body": no name, wave, date, line or count of it.
    case withheld
}
