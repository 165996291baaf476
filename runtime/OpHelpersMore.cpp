#include "OpHelpersMore.h"

extern "C" {
}
