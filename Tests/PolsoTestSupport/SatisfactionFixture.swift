import Surveys

/// A small customer-satisfaction codebook for the tests: three services, a verbal 4-point
/// headline item (positive from 3), a 1–10 item (positive from 6), a 3-face emoticon item
/// (positive from 2), a 0–10 NPS item, and two not-applicable answers.
public let satisfactionCodebookYAML = """
    instrument: test-satisfaction
    version: "1"
    title: "Soddisfazione degli utenti (prova)"
    scale:
      min: 1
      max: 10
      positive_from: 6
    missing_answers: ["N/A"]
    not_applicable_answers: ["Non applicabile", "Non ho atteso"]
    satisfaction:
      service: service
      overall: SOD
      nps: NPS
    blocks:
      - id: soddisfazione
        title: "Soddisfazione"
        rescale: {to: [0, 100]}
        sections:
          - code: S
            title: "Giudizi sul servizio"
            items:
              - code: SOD
                text: "Complessivamente, quanto è soddisfatto?"
                scale:
                  labels: ["Per niente soddisfatto", "Poco soddisfatto", "Abbastanza soddisfatto", "Molto soddisfatto"]
                  positive_from: 3
              - code: CORT
                text: "Cortesia del personale"
              - code: ATT
                text: "Tempi di attesa"
                scale:
                  emoticons: 3
                  positive_from: 2
              - code: NPS
                text: "Consiglierebbe il servizio?"
                scale:
                  min: 0
                  max: 10
    demographics:
      - code: service
        text: "Servizio"
        options: ["Registro Imprese", "Mediazione", "Statistica Prezzi"]

    """

/// The header of the test exports of ``satisfactionCodebookYAML``: id, service, SOD, CORT, ATT, NPS.
public let satisfactionHeader = "id,Servizio,SOD,CORT,ATT,NPS"

/// The codebook of ``satisfactionCodebookYAML``.
public let satisfactionCodebook: Codebook = try! Codebook.decode(yaml: satisfactionCodebookYAML, file: "test-satisfaction.yaml")
