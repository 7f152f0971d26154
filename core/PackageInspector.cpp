#include "PackageInspector.h"
