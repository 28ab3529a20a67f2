import PolsoCLI

Polso.run()
