#include "ConnectionTester.h"
