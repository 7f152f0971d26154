#include "NodeOrderView.h"
