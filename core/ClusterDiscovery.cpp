#include "ClusterDiscovery.h"
