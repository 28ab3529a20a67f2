// libxlsxwriter (Debian: libxlsxwriter-dev) installs xlsxwriter.h in the default include path.
#include <xlsxwriter.h>
