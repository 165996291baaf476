// The bytecode frontend's Python view (pyjit.dis). Filled in with the frontend.
#include "ModuleParts.h"

namespace pyjit {

namespace {
PyMethodDef gFrontendMethods[] = {
    {nullptr, nullptr, 0, nullptr},
};
}  // namespace

PyMethodDef* frontendMethods() { return gFrontendMethods; }

}  // namespace pyjit
