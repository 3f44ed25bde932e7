// Reads Huawei Cloud (SMS, ROMA Connect, KPS) and NetApp Astra Control values into Pulumi stacks, with secret-marked results.
package cloudreads
