package org.spotcheck.intake;

import org.mapstruct.Mapper;
import org.spotcheck.intake.domain.NewFlag;

/** The REST body to the domain's flag; nested parts are mapped field by field. */
@Mapper
interface FlagMapper {

    NewFlag toNewFlag(FlagRequest request);
}
