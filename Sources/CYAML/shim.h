#ifndef AUDITSIM_CYAML_SHIM_H
#define AUDITSIM_CYAML_SHIM_H
#include <yaml.h>
#endif
