#ifndef AUDITSIM_CZLIB_SHIM_H
#define AUDITSIM_CZLIB_SHIM_H
#include <zlib.h>
#endif
