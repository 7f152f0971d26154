#include "ModeSummary.h"
