// libcsv (Debian: libcsv-dev) installs csv.h in the default include path.
#include <csv.h>
