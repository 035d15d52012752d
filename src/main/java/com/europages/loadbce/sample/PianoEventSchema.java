package com.europages.loadbce.sample;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** The Parquet schema of the generated Piano Data Flow files: mixed physical types as a real export has them. */
public final class PianoEventSchema {

    /** Field order is the write order of {@link PianoEventWriteSupport}. */
    public static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message piano_dataflow_event {
              optional binary event_name (STRING);
              optional binary event_id (STRING);
              optional int96 event_time;
              optional int64 event_time_utc (TIMESTAMP(MILLIS,true));
              optional binary date (STRING);
              optional int32 event_position;
              optional int64 event_index;
              optional int64 site_id;
              optional binary site_level2 (STRING);
              optional binary visitor_id (STRING);
              optional boolean visitor_new;
              optional int64 visit_id;
              optional binary visit_time_start (STRING);
              optional double visit_duration;
              optional binary visit_page_views (STRING);
              optional int32 visit_bounce;
              optional binary user_category (STRING);
              optional binary page (STRING);
              optional binary page_chapter1 (STRING);
              optional binary page_chapter2 (STRING);
              optional binary page_chapter3 (STRING);
              optional binary page_url (STRING);
              optional int64 page_duration;
              optional float page_load_time;
              optional double page_scroll_depth;
              optional binary device_type (STRING);
              optional binary device_brand (STRING);
              optional binary device_model (STRING);
              optional int32 device_screen_width;
              optional int64 device_screen_height;
              optional binary browser (STRING);
              optional binary browser_version (STRING);
              optional binary os (STRING);
              optional binary os_version_major (STRING);
              optional binary geo_country (STRING);
              optional binary geo_region (STRING);
              optional binary geo_city (STRING);
              optional double geo_latitude;
              optional float geo_longitude;
              optional binary src (STRING);
              optional binary src_detail (STRING);
              optional binary src_referrer_url (STRING);
              optional binary src_campaign (STRING);
              optional binary ise_keyword (STRING);
              optional double transaction_turnover;
              optional binary cart_total (STRING);
              optional int64 product_quantity;
              optional float hit_score;
              optional binary ep_company_id (STRING);
              optional group ep_product_tags (LIST) {
                repeated group list {
                  optional binary element (STRING);
                }
              }
              optional int32 ep_search_results;
              optional int32 ep_category_id (DECIMAL(9,0));
              optional binary ep_language (STRING);
              optional binary ep_is_bot (STRING);
              optional int32 ep_click_outbound;
              optional boolean privacy_consent;
              optional binary hit_raw (STRING);
              optional int64 ep_debug_flags;
            }
            """);

    private PianoEventSchema() {
    }
}
