#ifndef CURAVANI_CLIBPQ_SHIM_H
#define CURAVANI_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
